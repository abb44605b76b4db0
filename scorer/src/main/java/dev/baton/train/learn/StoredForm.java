package dev.baton.train.learn;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tribuo.protos.core.ModelProto;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How Baton's own models are stored inside Tribuo's protobuf envelope: a {@code ModelProto} naming the class, whose
 * data is a byte string in the model's own layout. Reading checks every count against the bytes left, so a damaged
 * or hostile file cannot ask for gigabytes, and never uses Java serialization.
 */
final class StoredForm {

    /** Writes a model's layout. */
    @FunctionalInterface
    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private StoredForm() {
    }

    static ModelProto envelope(Class<?> type, int version, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ModelProto.newBuilder().setVersion(version).setClassName(type.getName())
                .setSerializedData(Any.pack(BytesValue.of(ByteString.copyFrom(bytes.toByteArray())))).build();
    }

    static Input open(Any message) throws InvalidProtocolBufferException {
        ByteString data = message.unpack(BytesValue.class).getValue();
        return new Input(new DataInputStream(data.newInput()), data.size());
    }

    /** The stored bytes, read with counts that must fit in what is left. */
    record Input(DataInputStream in, int size) {

        int count(int bytesEach) throws IOException {
            int n = in.readInt();
            if (n < 0 || (long) n * bytesEach > size) {
                throw new IllegalArgumentException("A count of " + n + " does not fit a model of " + size + " bytes");
            }
            return n;
        }

        byte[] bytes() throws IOException {
            byte[] b = new byte[count(1)];
            in.readFully(b);
            return b;
        }
    }
}
