namespace Fulcrum.Analytics.Facts;

/// <summary>
/// A way to split customers: a name, what it means, and its SQL over the fact tables (alias f).
/// Account state (products held, ARR, account managers, tenure) is taken at the time of each fact.
/// </summary>
public sealed record Dimension(string Name, string Description, string Sql)
{
    const string None = "'(none)'";

    public static readonly IReadOnlyList<Dimension> BuiltIn =
    [
        new("account", "The account itself (its name, with its id when two accounts share the name; else its id)", "COALESCE(f.account_name, f.account_id)"),
        new("segment", "Account segment", $"COALESCE(f.segment, {None})"),
        new("region", "Account region", $"COALESCE(f.region, {None})"),
        new("industry", "Account industry", $"COALESCE(f.industry, {None})"),
        new("product_count", "Number of products held", "CASE WHEN f.products >= 3 THEN '3+' ELSE CAST(f.products AS VARCHAR) END"),
        new("products", "The set of products held", $"COALESCE(f.products_held, {None})"),
        new("account_managers", "Number of account managers across the products held", "CASE WHEN f.managers >= 3 THEN '3+' ELSE CAST(f.managers AS VARCHAR) END"),
        new("tenure_band", "Time as a customer", """
            CASE WHEN f.tenure_months IS NULL THEN '(unknown)' WHEN f.tenure_months < 6 THEN '0-6 months' WHEN f.tenure_months < 12 THEN '6-12 months'
                 WHEN f.tenure_months < 24 THEN '1-2 years' WHEN f.tenure_months < 60 THEN '2-5 years' ELSE '5+ years' END
            """),
        new("arr_band", "ARR held at the time", """
            CASE WHEN f.arr IS NULL OR f.arr <= 0 THEN '(no ARR)' WHEN f.arr < 10000 THEN '<10k' WHEN f.arr < 50000 THEN '10k-50k'
                 WHEN f.arr < 250000 THEN '50k-250k' WHEN f.arr < 1000000 THEN '250k-1M' ELSE '1M+' END
            """),
    ];

    /// <summary>Built-in names, <c>attr:NAME</c> (an imported account attribute) or <c>rattr:NAME</c> (a response attribute).</summary>
    public static Dimension Resolve(string name)
    {
        var builtIn = BuiltIn.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null) return builtIn;
        if (name.StartsWith("attr:", StringComparison.OrdinalIgnoreCase) && name.Length > 5)
            return new(name, $"Account attribute '{name[5..]}'", $"COALESCE(f.account_attributes ->> '{Escape(name[5..])}', {None})");
        if (name.StartsWith("rattr:", StringComparison.OrdinalIgnoreCase) && name.Length > 6)
            return new(name, $"Response attribute '{name[6..]}'", $"COALESCE(f.response_attributes ->> '{Escape(name[6..])}', {None})");
        throw new ArgumentException(
            $"Unknown dimension '{name}'. Use {string.Join(", ", BuiltIn.Select(d => d.Name))}, attr:NAME (account attribute) or rattr:NAME (response attribute).");
    }

    static string Escape(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
