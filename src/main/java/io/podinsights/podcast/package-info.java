/** Shared domain records of a podcast: shows, episodes, enclosures, people. Imports nothing from the rest of podinsights. */
package io.podinsights.podcast;
