package dev.baton.data;

/**
 * Where a dataset came from: a file, or the result of a query on a database. Both say how the rows were read
 * and carry a fingerprint, so that re-opening can tell whether the data changed.
 */
public sealed interface DataSource permits FileSource, QuerySource {

    /** The SHA-256 (lower-case hex): of a file's bytes, or of a query result's canonical serialization. */
    String fingerprint();

    /** How the rows were typed, with every detected value filled in. */
    ImportOptions options();

    /** A short name for titles and file names: the file's name, or "query on" the database. */
    String fileName();

    /** Where the data is, in full, for messages: the file's path, or the database (never a password) and the query. */
    String location();

    /** The file's path, or for a query the database it ran on. */
    String path();
}
