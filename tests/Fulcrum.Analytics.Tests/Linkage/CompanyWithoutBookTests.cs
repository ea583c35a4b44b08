using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A company with renewals and scores but no subscriptions, so no account holds a product on the last day of data (IBM
/// Telco imported with a mapping that fills none): there is no book to value, so every lever is listed as not valued with
/// that reason and the book's money figures are absent, never "$0 ($0 to $0)".
/// </summary>
public sealed class CompanyWithoutBookTests : IClassFixture<CompanyWithoutBookTests.Company>
{
    public sealed class Company() : AlteredDemoCompany("DELETE FROM subscriptions");

    readonly BusinessCaseReport _report;

    public CompanyWithoutBookTests(Company company) => _report = company.Report;

    [Fact]
    public void Every_lever_is_not_valued_with_the_reason_and_what_to_import()
    {
        Assert.Empty(_report.Levers);
        Assert.Empty(_report.Sensitivity);
        Assert.NotEmpty(_report.UnavailableLevers);
        Assert.All(_report.UnavailableLevers, l => Assert.Equal(LinkageReport.NoBook, l.Unavailable));
        Assert.Equal(LinkageReport.NoBook, _report.SharedUnavailableReason);
        Assert.Equal($"No lever can be valued on these data: {LinkageReport.NoBook}.", _report.Headline);
        Assert.Contains("fulcrum import subscriptions", _report.Headline, StringComparison.Ordinal);
        Assert.DoesNotContain("$0", _report.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void The_books_money_figures_are_absent_and_the_warning_says_so()
    {
        var linkage = _report.Linkage;
        Assert.Equal(0, linkage.Data.BookAccounts);
        Assert.False(linkage.BookChurnedArrNextYear.IsDefined);
        Assert.Equal(LinkageReport.NoBook, linkage.BookChurnedArrNextYear.Method);
        // Account-quarters of service come from subscriptions too, so here cost to serve is absent for want of them.
        Assert.False(linkage.BookCostToServePerYear.IsDefined);
        Assert.Empty(linkage.ValueOfOneNpsPoint);
        Assert.Null(linkage.ArrLostPerDetractorPerYear);
        var warning = Assert.Single(linkage.Warnings, w => w.StartsWith("No account holds a product", StringComparison.Ordinal));
        Assert.Contains("absent, not zero", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("are zero", warning, StringComparison.Ordinal);
    }
}
