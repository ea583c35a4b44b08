using System.Data.Common;
using Dapper;
using Fulcrum.Data.Store;
using Fulcrum.Web.Store;

namespace Fulcrum.Web.Intake;

/// <summary>What the intake did with one response.</summary>
public enum IntakeOutcome { Inserted, Updated }

/// <summary>
/// Writes posted responses by their natural key (<c>response_id</c>): a new id is inserted, a known one updated, so a
/// webhook that retries delivers the same rows, never duplicates. Queued posts share one transaction in the single writer.
/// </summary>
public sealed class ResponseUpsert(IReadOnlyList<ValidResponse> responses) : IBatchedWrite<IReadOnlyList<IntakeOutcome>>
{
    static readonly IReadOnlyList<string> Columns = ResponseValidator.FieldNames;
    static readonly string Sql =
        $"INSERT INTO responses ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))}) " +
        $"ON CONFLICT (response_id) DO UPDATE SET {string.Join(", ", Columns.Where(c => c != "response_id").Select(c => $"{c} = excluded.{c}"))}";

    public IReadOnlyList<ValidResponse> Responses => responses;
    public object BatchKey => typeof(ResponseUpsert);

    public IReadOnlyList<IReadOnlyList<IntakeOutcome>> ApplyBatch(FulcrumStore store, DbTransaction transaction, IReadOnlyList<IBatchedWrite<IReadOnlyList<IntakeOutcome>>> batch)
    {
        var all = batch.Cast<ResponseUpsert>().SelectMany(u => u.Responses).ToList();
        var known = Existing(store, transaction, all.Select(r => r.ResponseId).Distinct().ToList());

        // A key seen twice in the batch is written once, with its last version (DuckDB refuses to update one row twice in a transaction's statement set).
        var last = new Dictionary<string, ValidResponse>(StringComparer.Ordinal);
        foreach (var response in all) last[response.ResponseId] = response;
        foreach (var response in last.Values)
        {
            var parameters = new DynamicParameters();
            foreach (var column in Columns) parameters.Add(column, response.Values.GetValueOrDefault(column));
            store.Connection.Execute(Sql, parameters, transaction);
        }

        var seen = new HashSet<string>(known, StringComparer.Ordinal);
        return batch.Cast<ResponseUpsert>()
            .Select(u => (IReadOnlyList<IntakeOutcome>)u.Responses.Select(r => seen.Add(r.ResponseId) ? IntakeOutcome.Inserted : IntakeOutcome.Updated).ToList())
            .ToList();
    }

    static HashSet<string> Existing(FulcrumStore store, DbTransaction transaction, List<string> ids)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
            foreach (var id in store.Connection.Query<string>("SELECT response_id FROM responses WHERE response_id IN (SELECT unnest(string_split($ids, chr(31))))", new { ids = string.Join('\u001f', chunk) }, transaction))
                found.Add(id);
        return found;
    }
}
