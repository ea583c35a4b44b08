namespace Fulcrum.Analytics.Value.Initiatives;

/// <summary>Bad input to the initiative registry (unknown id, invalid kind, date or target), with a message that names it.</summary>
public sealed class InitiativeException(string message) : Exception(message);
