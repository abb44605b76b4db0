package dev.baton.clean;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

/** The "op" of a recipe step in JSON, resolved through {@link Operations}: whichever step kinds are on the class path. */
public final class OperationTypeIds extends TypeIdResolverBase {

    private JavaType base;

    @Override
    public void init(JavaType baseType) {
        base = baseType;
    }

    @Override
    public String idFromValue(Object value) {
        return Operations.name((Operation) value);
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return idFromValue(value);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Class<? extends Operation> kind = Operations.byName(id);
        return kind == null ? null : context.constructSpecializedType(base, kind);
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.join(", ", Operations.names());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
