package io.taskqueue.handlers.email.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The domains the email handler may send to: exact domains ({@code example.com}), a domain and all
 * its subdomains ({@code .example.com}), or {@code *} for any. Jobs write the body and the
 * recipients, and the mail goes out under the configured sender's name, so which domains they may
 * reach is the operator's choice, made explicitly.
 *
 * @param entries the entries, lower case
 */
public record RecipientDomains(Set<String> entries) {

  /** The configuration key. */
  public static final String PROPERTY = "taskqueue.handlers.email.allowed-recipient-domains";

  /**
   * Checks the entries.
   *
   * @throws IllegalArgumentException when there are none
   */
  public RecipientDomains {
    entries =
        entries.stream()
            .map(String::strip)
            .filter(entry -> !entry.isEmpty())
            .map(entry -> entry.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(
          PROPERTY + " is not set: name the domains jobs may send to, or * for any");
    }
  }

  /**
   * The entries of a comma-separated list.
   *
   * @param commaSeparated for example {@code "example.com, .partner.example"}
   * @return the allow-list
   */
  public static RecipientDomains parse(String commaSeparated) {
    return new RecipientDomains(Set.copyOf(Arrays.asList(commaSeparated.split(","))));
  }

  /**
   * Whether mail may go to {@code address}.
   *
   * @param address a bare address, {@code local@domain}
   * @return true when its domain is allowed
   */
  public boolean allows(String address) {
    if (entries.contains("*")) {
      return true;
    }
    String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    return entries.contains(domain)
        || entries.stream()
            .anyMatch(
                e -> e.startsWith(".") && (domain.endsWith(e) || domain.equals(e.substring(1))));
  }
}
