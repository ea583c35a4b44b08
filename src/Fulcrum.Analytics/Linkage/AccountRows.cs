namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// The modelling rows ordered by account, with each account's first row: a bootstrap replicate weights accounts, so
/// re-totalling it visits each drawn account's rows together and skips the undrawn ones (about a third) whole.
/// </summary>
internal sealed class AccountRows
{
    public required int[] EventStart { get; init; }
    public required EventTotalsRow[] Events { get; init; }
    public required int[] ServiceStart { get; init; }
    public required ServiceTotalsRow[] Service { get; init; }
    public required int[] ThemedStart { get; init; }
    /// <summary>Every renewal whose account raised at least one theme in the year before it.</summary>
    public required ThemedRenewalRow[] Themed { get; init; }
    /// <summary>The themes of each themed renewal (<see cref="ThemedRenewalRow.FirstTheme"/> on), ascending.</summary>
    public required int[] ThemedThemes { get; init; }

    public static AccountRows Of(LinkageDataset d)
    {
        // Plain loops over the rows (hundreds of thousands): LINQ over value types runs unoptimised code in a seconds-long command.
        var events = new EventTotalsRow[d.EventCell.Length];
        for (var i = 0; i < events.Length; i++)
            events[i] = new EventTotalsRow(d.EventAccount[i], d.EventCell[i], d.Churned[i], d.Expanded[i], d.ArrBefore[i], d.ExpansionAmount[i]);
        var service = new ServiceTotalsRow[d.ServiceCell.Length];
        for (var i = 0; i < service.Length; i++)
            service[i] = new ServiceTotalsRow(d.ServiceAccount[i], d.ServiceCell[i], d.ServiceNpsLevel[i], d.Quarters[i], d.Tickets[i], d.HandleMinutes[i]);
        var (themed, themedThemes) = ThemedRenewals(d);
        var (eventStart, sortedEvents) = ByAccount(events, e => e.Account, d.Accounts);
        var (serviceStart, sortedService) = ByAccount(service, s => s.Account, d.Accounts);
        var (themedStart, sortedThemed) = ByAccount(themed, t => t.Account, d.Accounts);
        return new AccountRows
        {
            EventStart = eventStart, Events = sortedEvents, ServiceStart = serviceStart, Service = sortedService,
            ThemedStart = themedStart, Themed = sortedThemed.Select(t => t.Row).ToArray(), ThemedThemes = themedThemes,
        };
    }

    /// <summary>The renewals after at least one theme, in renewal order, with their accounts; their themes laid end to end.</summary>
    static ((int Account, ThemedRenewalRow Row)[] Renewals, int[] Themes) ThemedRenewals(LinkageDataset d)
    {
        var count = new int[d.EventCell.Length];
        foreach (var theme in d.Themes)
            foreach (var i in theme.Events) count[i]++;
        var first = new int[count.Length + 1];
        for (var i = 0; i < count.Length; i++) first[i + 1] = first[i] + count[i];
        var themes = new int[first[^1]];
        var next = (int[])first.Clone();
        // Themes in index order, so each renewal's list is ascending.
        for (var t = 0; t < d.Themes.Count; t++)
            foreach (var i in d.Themes[t].Events) themes[next[i]++] = t;
        var renewals = new List<(int, ThemedRenewalRow)>();
        for (var i = 0; i < count.Length; i++)
            if (count[i] > 0) renewals.Add((d.EventAccount[i], new ThemedRenewalRow(d.EventCell[i], d.Churned[i], first[i], count[i])));
        return (renewals.ToArray(), themes);
    }

    /// <summary>A stable counting sort by account: start offsets (one past the last account too) and the rows in account order.</summary>
    static (int[] Start, T[] Rows) ByAccount<T>(T[] rows, Func<T, int> account, int accounts)
    {
        var start = new int[accounts + 1];
        foreach (var row in rows) start[account(row) + 1]++;
        for (var a = 0; a < accounts; a++) start[a + 1] += start[a];
        var next = (int[])start.Clone();
        var sorted = new T[rows.Length];
        foreach (var row in rows) sorted[next[account(row)]++] = row;
        return (start, sorted);
    }
}

internal readonly record struct EventTotalsRow(int Account, int Cell, bool Churned, bool Expanded, double ArrBefore, double ExpansionAmount);

internal readonly record struct ServiceTotalsRow(int Account, int Cell, int NpsLevel, double Quarters, double Tickets, double Minutes);

/// <summary>A renewal after one or more themes: its cell, outcome and where its themes start in <see cref="AccountRows.ThemedThemes"/>.</summary>
internal readonly record struct ThemedRenewalRow(int Cell, bool Churned, int FirstTheme, int ThemeCount);
