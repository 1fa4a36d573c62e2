package io.taskqueue.handlers.email.control;

import io.taskqueue.NonRetryableException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders (spaces inside the braces allowed; names of letters, digits,
 * {@code _ . -}). Nothing else is special: no loops, no conditions, no escaping syntax.
 */
public final class Template {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

  private Template() {}

  /**
   * Fills a plain-text template.
   *
   * @param template the text with placeholders
   * @param variables the values by name
   * @return the filled text
   * @throws NonRetryableException naming every placeholder without a variable
   */
  public static String text(String template, Map<String, String> variables)
      throws NonRetryableException {
    return render(template, variables, false);
  }

  /**
   * Fills an HTML template, escaping each value so a variable cannot add markup.
   *
   * @param template the HTML with placeholders
   * @param variables the values by name, as plain text
   * @return the filled HTML
   * @throws NonRetryableException naming every placeholder without a variable
   */
  public static String html(String template, Map<String, String> variables)
      throws NonRetryableException {
    return render(template, variables, true);
  }

  private static String render(String template, Map<String, String> variables, boolean html)
      throws NonRetryableException {
    Set<String> missing = new TreeSet<>();
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length());
    while (placeholder.find()) {
      String value = variables.get(placeholder.group(1));
      if (value == null) {
        missing.add(placeholder.group(1));
        value = "";
      }
      placeholder.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
    }
    placeholder.appendTail(out);
    if (!missing.isEmpty()) {
      throw new NonRetryableException("template variables missing: " + String.join(", ", missing));
    }
    return out.toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
