using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Linkage.FitCache;

/// <summary>
/// Reads and writes fits in the store's <c>linkage_fits</c> table (migration 0017). A fit made without
/// cross-validation serves only callers that do not need it; one made with it serves everyone.
/// </summary>
internal static class LinkageFitStore
{
    public static StoredLinkageFit? TryLoad(FulcrumStore store, LinkageFitKey key, bool needsCrossValidation)
    {
        var payload = store.Query<string>(
            "SELECT to_base64(payload) FROM linkage_fits WHERE fit_key = $key AND (cross_validated OR NOT $needs) ORDER BY cross_validated DESC LIMIT 1",
            new { key = key.Value, needs = needsCrossValidation }).FirstOrDefault();
        // to_base64: DuckDB.NET hands BLOBs back as streams; base64 reads the same way from both stores.
        return payload is null ? null : LinkageFitCodec.Decode(Convert.FromBase64String(payload));
    }

    /// <summary>Stores the fit and drops fits of older data (older data version and other inputs): one fit per data, not a growing log.</summary>
    public static void Save(FulcrumStore store, LinkageFitKey key, StoredLinkageFit fit)
    {
        var payload = LinkageFitCodec.Encode(fit);
        using var transaction = store.BeginTransaction();
        var version = store.DataVersion(transaction);
        store.Execute("DELETE FROM linkage_fits WHERE data_version < $version AND inputs_hash <> $inputs",
            new { version, inputs = key.InputsHash }, transaction);
        // Two processes may fit the same inputs at once (web instances on one PostgreSQL); the first stored wins, both are equal.
        store.Execute("""
            INSERT INTO linkage_fits (fit_key, cross_validated, inputs_hash, options, data_version, payload, created_at)
            VALUES ($key, $cv, $inputs, $options, $version, $payload, $now) ON CONFLICT (fit_key, cross_validated) DO NOTHING
            """, new { key = key.Value, cv = fit.Quality is not null, inputs = key.InputsHash, options = key.Options, version, payload, now = DateTime.UtcNow }, transaction);
        transaction.Commit();
    }
}
