/**
 * The one typed config tree: built-in defaults &lt; config file ({@code podinsights.toml} or {@code .yaml}) &lt;
 * environment ({@code PODINSIGHTS_…}). Validated at start-up; passed to constructors, never read globally.
 */
package io.podinsights.config;
