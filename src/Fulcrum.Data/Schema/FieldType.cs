namespace Fulcrum.Data.Schema;

/// <summary>The value types a canonical field can hold; each store maps them to its own SQL types.</summary>
public enum FieldType
{
    Text,
    Integer,
    Number,
    Boolean,
    Date,
    Timestamp,
    Json,
}
