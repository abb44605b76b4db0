package dev.baton.bundle;

import dev.baton.clean.ChangeType;
import dev.baton.clean.ExtractText;
import dev.baton.clean.Operation;
import dev.baton.clean.ParseDate;
import dev.baton.clean.ReplaceText;
import dev.baton.clean.RoundNumbers;

/** A pipeline that has no ONNX form here, with the reason in words (which step, which function). */
final class NoOnnxForm extends RuntimeException {

    /** Why a row-wise step has no form in the standard operators (docs/onnx-operations.md says the same). */
    static String reason(Operation op) {
        if (op instanceof ChangeType change) {
            return "changing the type to " + change.type().label() + " reads or writes numbers, dates or yes/no as text: " + TEXT_AND_NUMBERS;
        }
        if (op instanceof ParseDate) {
            return "no standard ONNX operator reads a date from text by a pattern";
        }
        if (op instanceof ExtractText) {
            return "no standard ONNX operator returns a pattern's group (RegexFullMatch only says whether a text matches)";
        }
        if (op instanceof ReplaceText) {
            return "no standard ONNX operator replaces part of a text";
        }
        if (op instanceof RoundNumbers) {
            return "the step rounds half up on a number's shortest decimal form (as BigDecimal.valueOf writes it), "
                    + "which ONNX's Round (half to even, on the binary value) does not reproduce: 2.675 rounds to 2.68 here, to 2.67 there";
        }
        return "it has no ONNX form";
    }

    /** Why numbers, dates and yes/no read from or written as text stay out of the graph. */
    static final String TEXT_AND_NUMBERS = "ONNX's Cast from text stops the whole batch at a text that is not a number, where Baton "
            + "makes that value missing, and Cast to text does not write numbers as Java does (ONNX Runtime 1.20 writes 123456.789 as "
            + "123456.79 and 1e15 as 1e+15)";

    NoOnnxForm(String message) {
        super(message, null, false, false);
    }
}
