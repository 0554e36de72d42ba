/**
 * Storage: the database (SQLite by default, PostgreSQL at scale), migrations, and one repository per table group,
 * in plain SQL. The only package that speaks SQL; SQL differences between the two live in {@link Dialect}.
 */
package io.podinsights.storage;
