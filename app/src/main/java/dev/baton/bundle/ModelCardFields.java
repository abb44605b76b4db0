package dev.baton.bundle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What only the author can say on the model card; saved in the project with the rest of the hand-off. */
@JsonPropertyOrder({"intendedUse", "limitations", "contact"})
public record ModelCardFields(String intendedUse, String limitations, String contact) {

    public ModelCardFields {
        intendedUse = intendedUse == null ? "" : intendedUse;
        limitations = limitations == null ? "" : limitations;
        contact = contact == null ? "" : contact;
    }

    public static ModelCardFields empty() {
        return new ModelCardFields("", "", "");
    }

    public ModelCardFields withIntendedUse(String v) {
        return new ModelCardFields(v, limitations, contact);
    }

    public ModelCardFields withLimitations(String v) {
        return new ModelCardFields(intendedUse, v, contact);
    }

    public ModelCardFields withContact(String v) {
        return new ModelCardFields(intendedUse, limitations, v);
    }
}
