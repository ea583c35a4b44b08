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
    public required int[] ThemeEventStart { get; init; }
    /// <summary>Every (theme, renewal) pair where the account raised the theme in the year before the renewal.</summary>
    public required ThemeEventRow[] ThemeEvents { get; init; }

    public static AccountRows Of(LinkageDataset d)
    {
        // Plain loops over the rows (hundreds of thousands): LINQ over value types runs unoptimised code in a seconds-long command.
        var events = new EventTotalsRow[d.EventCell.Length];
        for (var i = 0; i < events.Length; i++)
            events[i] = new EventTotalsRow(d.EventAccount[i], d.EventCell[i], d.Churned[i], d.Expanded[i], d.ArrBefore[i], d.ExpansionAmount[i]);
        var service = new ServiceTotalsRow[d.ServiceCell.Length];
        for (var i = 0; i < service.Length; i++)
            service[i] = new ServiceTotalsRow(d.ServiceAccount[i], d.ServiceCell[i], d.ServiceNpsLevel[i], d.Quarters[i], d.Tickets[i], d.HandleMinutes[i]);
        var themeEvents = d.Themes.SelectMany((t, theme) => t.Events.Select(i => (Account: d.EventAccount[i], Row: new ThemeEventRow(theme, d.EventCell[i], d.Churned[i])))).ToArray();
        var (eventStart, sortedEvents) = ByAccount(events, e => e.Account, d.Accounts);
        var (serviceStart, sortedService) = ByAccount(service, s => s.Account, d.Accounts);
        var (themeStart, sortedThemes) = ByAccount(themeEvents, t => t.Account, d.Accounts);
        return new AccountRows
        {
            EventStart = eventStart, Events = sortedEvents, ServiceStart = serviceStart, Service = sortedService,
            ThemeEventStart = themeStart, ThemeEvents = sortedThemes.Select(t => t.Row).ToArray(),
        };
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

internal readonly record struct ThemeEventRow(int Theme, int Cell, bool Churned);
