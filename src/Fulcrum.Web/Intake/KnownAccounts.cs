using Dapper;
using Fulcrum.Web.Store;

namespace Fulcrum.Web.Intake;

/// <summary>Which of the posted account ids exist: a response must belong to a known account, as in an import.</summary>
public static class KnownAccounts
{
    public static Task<HashSet<string>> FindAsync(StorePool pool, IReadOnlyCollection<string> accountIds, CancellationToken cancellation) =>
        pool.ReadAsync(store =>
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in accountIds.Chunk(500))
                foreach (var id in store.Connection.Query<string>("SELECT account_id FROM accounts WHERE account_id IN (SELECT unnest(string_split($ids, chr(31))))", new { ids = string.Join('\u001f', chunk) }))
                    found.Add(id);
            return found;
        }, cancellation);
}
