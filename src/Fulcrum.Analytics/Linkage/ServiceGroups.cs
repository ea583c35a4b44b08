namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// Account-quarters summed per account, cost cell and NPS level, in the order the groups are first met. Rows come
/// ordered by account, so a row's group is among its own account's few (a short search) and an account is never met again.
/// </summary>
internal sealed class ServiceGroups
{
    public List<int> Account { get; } = [];
    public List<int> Cell { get; } = [];
    public List<int> Nps { get; } = [];
    public List<double> Tickets { get; } = [];
    public List<double> Minutes { get; } = [];
    public List<double> Quarters { get; } = [];

    int _account = -1, _accountStart;

    public void Add(int account, int cell, int nps, double tickets, double minutes)
    {
        if (account != _account) (_account, _accountStart) = (account, Account.Count);
        for (var g = _accountStart; g < Account.Count; g++)
        {
            if (Cell[g] != cell || Nps[g] != nps) continue;
            Tickets[g] += tickets;
            Minutes[g] += minutes;
            Quarters[g] += 1;
            return;
        }
        Account.Add(account);
        Cell.Add(cell);
        Nps.Add(nps);
        Tickets.Add(tickets);
        Minutes.Add(minutes);
        Quarters.Add(1);
    }
}
