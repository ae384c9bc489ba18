package io.oort.engine.core.internal.template;

/**
 * Go data helpers the sink pipeline shares with templates: {@code json.Unmarshal} into {@code interface{}} (numbers
 * become float64, Go's error wording) and {@code fmt}'s {@code %v} rendering for error messages.
 */
public final class GoData {

    private GoData() {
    }

    /**
     * Parses JSON as Go's {@code json.Unmarshal(b, &any)}: maps, lists, Double, String, Boolean, null.
     *
     * @throws TemplateException with Go's message, e.g. {@code invalid character '<' looking for beginning of value}
     */
    public static Object parseJson(String text) throws TemplateException {
        try {
            return GoJsonParser.parse(text);
        } catch (GoJson.JsonError e) {
            throw new TemplateException(e.getMessage());
        }
    }

    /** The value as {@code fmt.Sprintf("%v", v)} prints it ({@code map[a:1 b:2]}, {@code <nil>}). */
    public static String sprint(Object v) {
        return GoFmt.toStr(v);
    }
}
