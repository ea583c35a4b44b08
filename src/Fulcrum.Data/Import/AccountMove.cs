using System.Data.Common;
using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Import;

/// <summary>
/// Keeps a record single when a write gives it another account. Tables such as responses are keyed in the database by
/// (account_id, response_id) so they can be distributed by account (migration 0013), but response_id alone still names
/// the record: a staged row whose id exists under another account is moved there before the upsert. The stored row is
/// copied under the new account and the old one deleted (Citus cannot update a distribution column in place), so the
/// upsert that follows merges the incoming values into it exactly as it would into a row that stayed put.
/// </summary>
public static class AccountMove
{
    /// <param name="staging">A table holding the incoming rows, with the natural key and account_id columns.</param>
    /// <returns>The number of records moved to another account.</returns>
    public static int Apply(FulcrumStore store, TableDefinition table, string staging, DbTransaction transaction)
    {
        if (!table.MovesBetweenAccounts) return 0;
        var sameRecord = string.Join(" AND ", table.Key.Select(k => $"s.{FulcrumStore.Quote(k)} = t.{FulcrumStore.Quote(k)}"));
        var moved = $"{sameRecord} AND s.account_id IS NOT NULL AND s.account_id <> t.account_id";
        var columns = table.Fields.Select(f => f.Name).ToList();
        var list = string.Join(", ", columns.Select(FulcrumStore.Quote));
        var copied = string.Join(", ", columns.Select(c => c == "account_id" ? "s.account_id" : $"t.{FulcrumStore.Quote(c)}"));
        var count = store.Execute(
            $"INSERT INTO {table.Name} ({list}) SELECT {copied} FROM {table.Name} t JOIN {staging} s ON {moved}", transaction: transaction);
        if (count > 0)
            store.Execute($"DELETE FROM {table.Name} t WHERE EXISTS (SELECT 1 FROM {staging} s WHERE {moved})", transaction: transaction);
        return count;
    }
}
