package io.podinsights.podcast;

/** A {@code podcast:person}: someone who appears in a show or episode; role defaults to "host" per the namespace. */
public record Person(String name, String role, String group, String href, String img) {
  public Person {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("person: empty name");
    role = role == null || role.isBlank() ? "host" : role;
    group = group == null || group.isBlank() ? "cast" : group;
    href = href == null ? "" : href;
    img = img == null ? "" : img;
  }
}
