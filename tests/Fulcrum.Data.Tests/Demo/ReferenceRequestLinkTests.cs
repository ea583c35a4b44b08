namespace Fulcrum.Data.Tests.Demo;

/// <summary>Each demo reference request names the survey answer after which the account was asked.</summary>
[Collection(DemoCompanyCollection.Name)]
public sealed class ReferenceRequestLinkTests(DemoCompanyFixture company)
{
    [Fact]
    public void Every_reference_request_links_to_an_answer_of_its_account_on_the_request_day()
    {
        Assert.True(company.Scalar<long>("SELECT COUNT(*) FROM reference_requests") > 0);
        Assert.Equal(0, company.Scalar<long>("""
            SELECT COUNT(*) FROM reference_requests rr
            LEFT JOIN responses r ON r.response_id = (rr.attributes->>'response_id')
            WHERE r.response_id IS NULL OR r.account_id <> rr.account_id OR CAST(r.responded_at AS DATE) <> rr.requested_at
            """));
        // One request per answer at most.
        Assert.Equal(0, company.Scalar<long>("SELECT COUNT(*) - COUNT(DISTINCT (attributes->>'response_id')) FROM reference_requests"));
    }
}
