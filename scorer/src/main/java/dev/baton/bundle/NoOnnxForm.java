package dev.baton.bundle;

/** A pipeline that has no ONNX form here, with the reason in words (which step, which function). */
final class NoOnnxForm extends RuntimeException {

    NoOnnxForm(String message) {
        super(message, null, false, false);
    }
}
