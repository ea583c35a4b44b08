using System.Data.Common;
using System.Globalization;
using Dapper;
using Fulcrum.Data.Import;
using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;
using Fulcrum.Web.Store;

namespace Fulcrum.Web.Intake;

/// <summary>What the intake did with one response.</summary>
public enum IntakeOutcome { Inserted, Updated }

/// <summary>
/// Writes posted responses by their natural key (<c>response_id</c>): a new id is inserted, a known one updated (moved
/// first when it comes with another account; the database key is (account_id, response_id)), so a
/// webhook that retries delivers the same rows, never duplicates. Queued posts share one transaction in the single writer:
/// their rows are appended to a connection-local staging table and upserted with one statement, like the importer does.
/// </summary>
public sealed class ResponseUpsert(IReadOnlyList<ValidResponse> responses) : IBatchedWrite<IReadOnlyList<IntakeOutcome>>
{
    const string Staging = "intake_staging";
    static readonly IReadOnlyList<string> Columns = ResponseValidator.FieldNames;
    static readonly string ColumnList = string.Join(", ", Columns);
    static readonly string Upsert =
        $"INSERT INTO responses ({ColumnList}) SELECT {ColumnList} FROM {Staging} " +
        $"ON CONFLICT ({string.Join(", ", CanonicalSchema.Responses.StorageKey)}) DO UPDATE SET " +
        string.Join(", ", Columns.Where(c => !CanonicalSchema.Responses.StorageKey.Contains(c)).Select(c => $"{c} = excluded.{c}"));

    // The writer's connections that already have the staging table (a temp table lives as long as its connection).
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FulcrumStore, object> StagingReady = new();

    public IReadOnlyList<ValidResponse> Responses => responses;
    public object BatchKey => typeof(ResponseUpsert);

    public IReadOnlyList<IReadOnlyList<IntakeOutcome>> ApplyBatch(FulcrumStore store, DbTransaction transaction, IReadOnlyList<IBatchedWrite<IReadOnlyList<IntakeOutcome>>> batch)
    {
        var writes = batch.Cast<ResponseUpsert>().ToList();
        // A key posted twice in the batch is written once, with its last version (one statement may not update a row twice).
        var last = new Dictionary<string, ValidResponse>(StringComparer.Ordinal);
        foreach (var response in writes.SelectMany(u => u.Responses)) last[response.ResponseId] = response;

        if (StagingReady.TryGetValue(store, out _) is false)
        {
            var definitions = Columns.Select(c => $"{c} {store.Dialect.SqlType(CanonicalSchema.Responses.Field(c).Type)}");
            // Outside the batch's transaction, so a failed batch does not take the table with it.
            store.Execute($"CREATE TEMP TABLE IF NOT EXISTS {Staging} ({string.Join(", ", definitions)})");
            StagingReady.AddOrUpdate(store, new object());
        }
        using (var writer = store.BulkWriter(Staging))
            foreach (var response in last.Values)
                writer.Row(Columns.Select(c => response.Values.GetValueOrDefault(c)).ToArray());
        var known = store.Query<string>(
            $"SELECT s.response_id FROM {Staging} s JOIN responses r ON r.response_id = s.response_id", transaction: transaction).ToHashSet(StringComparer.Ordinal);
        // A known response_id posted with another account moves there (the key is (account_id, response_id)).
        AccountMove.Apply(store, CanonicalSchema.Responses, Staging, transaction);
        store.Execute(Upsert, transaction: transaction);
        store.Execute($"DELETE FROM {Staging}", transaction: transaction);
        // An answer the closed loop picks (FollowupRule: a detractor, else dissatisfied CSAT, else high-effort CES) opens its
        // follow-up in the same commit, so a crash leaves both or neither. The rule is read after the upsert: the batch may change which metric the store answers most.
        var rule = FollowupRule.Of(store, transaction);
        var followupDays = rule is null ? [] : last.Values
            .Where(r => r.Values.GetValueOrDefault(rule.Metric) is { } score && rule.Needs(Convert.ToDouble(score, CultureInfo.InvariantCulture)))
            .Select(r => (DateTime)r.Values["responded_at"]!).ToList();
        if (followupDays.Count > 0) FollowupOpening.Open(store, transaction, DateOnly.FromDateTime(followupDays.Min()));
        store.BumpDataVersion(transaction);

        var seen = new HashSet<string>(known, StringComparer.Ordinal);
        return writes
            .Select(u => (IReadOnlyList<IntakeOutcome>)u.Responses.Select(r => seen.Add(r.ResponseId) ? IntakeOutcome.Inserted : IntakeOutcome.Updated).ToList())
            .ToList();
    }

}
