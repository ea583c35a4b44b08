namespace Fulcrum.Analytics.Drivers;

/// <summary>The data cannot answer the key-driver question as asked (no outcome, a driver missing or constant, collinear
/// drivers); the message says what and how to fix it.</summary>
public sealed class DriverAnalysisException(string message) : Exception(message);
