namespace Fulcrum.Data.Import;

/// <summary>An import that cannot start (wrong columns, unknown table, ...): nothing was read or written.</summary>
public sealed class ImportException(string message, Exception? inner = null) : Exception(message, inner);
