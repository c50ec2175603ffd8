package dev.fbchat.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Python's {@code str.format}, where each replacement field names a person and becomes a {@link Mention}: fbchat's
 * {@code Message.format_mentions}. Fields are {@code {}} (automatic numbering), {@code {0}} or {@code {name}}, with an
 * optional conversion ({@code !r}, {@code !s}, {@code !a}) and format spec ({@code :>10}); {@code {{} and {@code }}}
 * are literal braces. Offsets and lengths count code points, as fbchat does.
 */
public final class MentionFormatter {

    private MentionFormatter() {
    }

    /**
     * Someone to mention: their id and the text that stands for them.
     *
     * @param threadId the id of the person (or thread) mentioned
     * @param name the text put in place of the field
     */
    public record Target(String threadId, String name) {

        public Target {
            Objects.requireNonNull(threadId, "threadId");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A formatted text and the mentions in it.
     *
     * @param text the text with every field replaced
     * @param mentions one mention per field, in order
     */
    public record Result(String text, List<Mention> mentions) {

        public Result {
            mentions = List.copyOf(mentions);
        }
    }

    /**
     * Formats {@code template}.
     *
     * @throws IllegalArgumentException for a malformed template, a field with no argument, or mixed automatic and
     *         manual numbering
     */
    public static Result format(String template, List<Target> args, Map<String, Target> kwargs) {
        List<Field> fields = parse(template);
        boolean automatic = fields.stream().anyMatch(field -> "".equals(field.name()));
        StringBuilder result = new StringBuilder();
        List<Mention> mentions = new ArrayList<>();
        int offset = 0;
        int next = 0;
        for (Field field : fields) {
            result.append(field.literal());
            offset += codePoints(field.literal());
            if (field.name() == null) {
                continue;
            }
            String name = field.name();
            if (name.isEmpty()) {
                name = Integer.toString(next++);
            }
            else if (automatic && isDigits(name)) {
                throw new IllegalArgumentException(
                        "cannot switch from automatic field numbering to manual field specification");
            }
            Target target = lookup(name, args, kwargs);
            String text = target.name();
            if (!field.spec().isEmpty()) {
                text = applySpec(text, field.spec());
            }
            if (field.conversion() != null) {
                text = convert(text, field.conversion());
            }
            result.append(text);
            mentions.add(new Mention(target.threadId(), offset, codePoints(text)));
            offset += codePoints(text);
        }
        return new Result(result.toString(), mentions);
    }

    private record Field(String literal, @Nullable String name, String spec, @Nullable Character conversion) {
    }

    /** {@code string.Formatter().parse}: literal text, then an optional field, repeated. */
    private static List<Field> parse(String template) {
        List<Field> fields = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    literal.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("Single '}' encountered in format string");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
                continue;
            }
            int depth = 1;
            int end = i + 1;
            while (end < template.length() && depth > 0) {
                char d = template.charAt(end);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                end++;
            }
            if (depth > 0) {
                throw new IllegalArgumentException(i + 1 == template.length()
                        ? "Single '{' encountered in format string" : "expected '}' before end of string");
            }
            fields.add(field(literal.toString(), template.substring(i + 1, end - 1)));
            literal.setLength(0);
            i = end;
        }
        if (literal.length() > 0) {
            fields.add(new Field(literal.toString(), null, "", null));
        }
        return fields;
    }

    private static Field field(String literal, String body) {
        int colon = body.indexOf(':');
        int bang = body.indexOf('!');
        String spec = "";
        Character conversion = null;
        String name = body;
        if (bang >= 0 && (colon < 0 || bang < colon)) {
            name = body.substring(0, bang);
            String rest = body.substring(bang + 1);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("end of string while looking for conversion specifier");
            }
            conversion = rest.charAt(0);
            if (rest.length() > 1) {
                if (rest.charAt(1) != ':') {
                    throw new IllegalArgumentException("expected ':' after conversion specifier");
                }
                spec = rest.substring(2);
            }
        }
        else if (colon >= 0) {
            name = body.substring(0, colon);
            spec = body.substring(colon + 1);
        }
        return new Field(literal, name, spec, conversion);
    }

    private static Target lookup(String name, List<Target> args, Map<String, Target> kwargs) {
        if (name.contains(".") || name.contains("[")) {
            throw new IllegalArgumentException("Attribute and index access are not supported in field " + name);
        }
        if (isDigits(name)) {
            int index = Integer.parseInt(name);
            if (index >= args.size()) {
                throw new IllegalArgumentException(
                        "Replacement index " + index + " out of range for positional args tuple");
            }
            return args.get(index);
        }
        Target target = kwargs.get(name);
        if (target == null) {
            throw new IllegalArgumentException("No argument named '" + name + "'");
        }
        return target;
    }

    /** Python's format mini-language for a string: {@code [[fill]align][0][width][.precision][s]}. */
    private static String applySpec(String text, String spec) {
        java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("(?:(.)?([<>^]))?(0)?(\\d+)?(?:\\.(\\d+))?(s)?")
            .matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid format specifier '" + spec + "' for object of type 'str'");
        }
        String value = text;
        if (m.group(5) != null) {
            int precision = Integer.parseInt(m.group(5));
            if (codePoints(value) > precision) {
                value = value.substring(0, value.offsetByCodePoints(0, precision));
            }
        }
        String fill = m.group(1) != null ? m.group(1) : m.group(3) != null ? "0" : " ";
        char align = m.group(2) != null ? m.group(2).charAt(0) : '<';
        int width = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int padding = Math.max(0, width - codePoints(value));
        int left = switch (align) {
            case '>' -> padding;
            case '^' -> padding / 2;
            default -> 0;
        };
        return fill.repeat(left) + value + fill.repeat(padding - left);
    }

    private static String convert(String text, char conversion) {
        return switch (conversion) {
            case 's' -> text;
            case 'r' -> repr(text, false);
            case 'a' -> repr(text, true);
            default -> throw new IllegalArgumentException("Unknown conversion specifier " + conversion);
        };
    }

    /** Python's {@code repr} (or {@code ascii}) of a string. */
    private static String repr(String text, boolean asciiOnly) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        text.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            }
            else if (cp == '\t') {
                out.append("\\t");
            }
            else if (cp == '\n') {
                out.append("\\n");
            }
            else if (cp == '\r') {
                out.append("\\r");
            }
            else if (cp < 0x20 || cp == 0x7f || (cp > 0x7f && (asciiOnly || !printable(cp)))) {
                out.append(cp <= 0xff ? String.format("\\x%02x", cp)
                        : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            }
            else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(quote).toString();
    }

    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return cp == ' ' || !(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SPACE_SEPARATOR);
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
