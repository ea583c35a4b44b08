namespace Fulcrum.Data.Import.Proposal;

/// <summary>
/// Column names that usually mean a canonical field, compared after lower-casing and dropping everything but letters
/// and digits ("Customer ID", "customer_id" and "CustomerId" are all "customerid"). Exact names win over names that
/// merely contain one of these.
/// </summary>
public static class FieldSynonyms
{
    public static readonly IReadOnlyDictionary<string, string[]> ByField = new Dictionary<string, string[]>
    {
        ["account_id"] = ["accountid", "customerid", "customeruniqueid", "clientid", "companyid", "custid", "account", "customer", "client", "userid"],
        ["account_name"] = ["accountname", "customername", "companyname", "clientname", "company"],
        ["segment"] = ["segment", "customersegment", "tier", "plan", "contract"],
        ["region"] = ["region", "customerstate", "state", "country", "customercity", "city"],
        ["industry"] = ["industry", "vertical", "sector"],
        // Named for when the customer joined, whatever else the file holds; never taken as an answer's, ticket's or order's time.
        ["customer_since"] = ["customersince", "signupdate", "signupat", "signedupat", "signedup", "signup", "joindate", "joinedat", "joinedon",
            "datejoined", "membersince", "registrationdate", "registeredat", "accountcreated", "accountcreatedat", "customercreatedat",
            "customerstartdate", "firstorderdate", "firstpurchasedate", "firstorder", "firstpurchase"],
        // Named for when the row's thing was created: the customer only in a file of customers.
        ["created_at"] = ["createdat", "created", "createddate", "datecreated", "startdate"],
        ["response_id"] = ["responseid", "reviewid", "surveyresponseid", "answerid", "feedbackid", "tweetid", "surveyid"],
        ["responded_at"] = ["respondedat", "responsedate", "submittedat", "submissiondate", "reviewcreationdate", "reviewdate", "surveydate",
            "tweetcreated", "answeredat", "date", "timestamp"],
        ["nps"] = ["nps", "npsscore", "likelihoodtorecommend", "recommend", "ltr", "recommendscore"],
        ["csat"] = ["csat", "csatscore", "satisfaction", "satisfactionscore", "reviewscore", "rating", "stars", "score"],
        ["ces"] = ["ces", "cesscore", "effort", "customereffort", "effortscore"],
        ["comment"] = ["comment", "comments", "verbatim", "feedback", "reviewcommentmessage", "reviewtext", "review", "text", "message", "opentext"],
        ["ticket_id"] = ["ticketid", "caseid", "ticketnumber", "casenumber", "incidentid"],
        ["opened_at"] = ["openedat", "ticketcreated", "casecreated", "createdat", "opendate"],
        ["closed_at"] = ["closedat", "resolvedat", "closedate", "resolutiondate"],
        ["handle_minutes"] = ["handleminutes", "handletime", "aht", "handlingtime"],
        ["churn"] = ["churn", "churned", "churnlabel", "churnflag", "churnvalue", "exited", "attrition", "attritionflag", "customerstatus"],
        ["reason"] = ["churnreason", "reason", "cancellationreason", "cancelreason", "exitreason", "lossreason", "churncategory", "reasoncategory"],
        // Only names that say the outcome's own day: the proposer takes no other date for it (a last login would misdate every renewal).
        ["outcome_date"] = ["outcomedate", "churndate", "renewaldate", "enddate", "snapshotdate", "statusdate", "statuschangedate", "statuschangedat",
            "churnedat", "churnedon", "renewedat", "renewedon", "cancellationdate", "canceldate", "cancelledat", "canceledat", "cancelledon", "canceledon",
            "cancelleddate", "canceleddate", "terminationdate", "terminatedat", "terminatedon", "decisiondate", "outcomeat", "contractend", "churnmonth"],
        ["arr"] = ["arr", "annualrevenue", "annualrecurringrevenue", "revenue", "totalrevenue", "contractvalue"],
        ["order_id"] = ["orderid", "ordernumber", "orderno", "ordernr", "purchaseid", "transactionid", "invoiceid", "invoicenumber"],
        ["amount"] = ["amount", "orderamount", "ordervalue", "ordertotal", "totalamount", "total", "paymentvalue", "paymentamount", "value",
            "revenue", "sales", "price", "totalprice"],
        ["ordered_at"] = ["orderedat", "orderdate", "orderpurchasetimestamp", "purchasedate", "purchasetimestamp", "purchasedat", "orderplacedat",
            "ordertimestamp", "ordercreatedat", "orderdatetime", "createdat", "date", "timestamp"],
        ["order_status"] = ["orderstatus", "status", "orderstate"],
        ["refund_amount"] = ["refundamount", "refund", "refunded", "refundvalue", "refundtotal"],
        ["tenure_months"] = ["tenureinmonths", "tenuremonths", "tenure", "monthsascustomer", "customertenure", "monthswithcompany", "monthssubscribed"],
        ["reference_date"] = ["snapshotdate", "asofdate", "asof", "extractdate", "exportdate", "reportdate", "reportingdate", "datadate", "snapshot"],
        ["promised_delivery"] = ["orderestimateddeliverydate", "estimateddeliverydate", "estimateddelivery", "promiseddeliverydate", "promiseddate",
            "expecteddeliverydate", "expecteddelivery", "deliveryestimate", "promisedby"],
        ["delivered_at"] = ["orderdeliveredcustomerdate", "deliveredcustomerdate", "actualdeliverydate", "deliveredat", "delivereddate",
            "deliverydate", "dateofdelivery", "receivedat", "receiveddate"],
        ["mrr"] = ["mrr", "monthlycharge", "monthlycharges", "monthlyrevenue", "monthlyfee"],
    };

    public static string Normalize(string column) => new(column.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>
    /// How well <paramref name="column"/>'s name says <paramref name="field"/>: above 10 for an exact synonym (earlier
    /// synonyms higher), 1 for a name that contains one, 0 not at all.
    /// </summary>
    public static int Score(string field, string column)
    {
        var name = Normalize(column);
        var synonyms = ByField[field];
        var exact = Array.IndexOf(synonyms, name);
        if (exact >= 0) return 100 - exact;
        return synonyms.Any(s => s.Length >= 4 && name.Contains(s, StringComparison.Ordinal)) ? 1 : 0;
    }
}
