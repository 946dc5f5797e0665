package org.apppasswords.apppassword;

/** The user's name for an app password ("iPhone Mail"): 1 to 64 printable characters, trimmed. */
final class AppPasswordLabel {
    static final int MAX_LENGTH = 64;

    private AppPasswordLabel() {
    }

    static String check(String label) {
        String trimmed = label == null ? "" : label.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        boolean printable = trimmed.codePoints().noneMatch(AppPasswordLabel::isControlOrFormat);
        // strip() keeps no-break spaces: a label made only of spaces would look empty in a list.
        boolean visible = trimmed.codePoints().anyMatch(codePoint -> !Character.isSpaceChar(codePoint));
        if (length < 1 || length > MAX_LENGTH || !printable || !visible) {
            throw new IllegalArgumentException("The label must be 1 to " + MAX_LENGTH + " printable characters");
        }
        return trimmed;
    }

    private static boolean isControlOrFormat(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE;
    }
}
