namespace Fulcrum.Cli.Commands;

/// <summary>
/// A request refused before any work because a value the user gave names nothing or is not allowed (an id not on record,
/// a database that does not exist): a usage error, exit code <see cref="FulcrumApp.UsageError"/>, with the message alone.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
