using System.Text;
using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;
using Parquet;
using Parquet.Schema;

namespace Fulcrum.Data.Tests.Import.Security;

/// <summary>
/// The importer's part of the hardening review (the same importer runs `fulcrum import` and web uploads): joined files
/// confined to the import's folder, limits on every staging path (dry runs included), dates within a window, NUL and
/// invalid UTF-8 refused, no decimal comma misread, malformed input echoed escaped, nested Parquet columns named,
/// follow-ups opened in the import's commit and a data version bumped by every write.
/// </summary>
public sealed class ImportSecurityTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    static string JoinMapping(string file) => $$"""
        join:
          - file: "{{file}}"
            on: account_id
        tables:
          - table: accounts
            fields:
              account_id: account_id
              name: NAME
        """;

    [Theory]
    [InlineData("/etc/os-release")]
    [InlineData("../outside.csv")]
    [InlineData("lookups/../../outside.csv")]
    [InlineData("/dev/zero")]
    public void A_join_outside_the_import_folder_is_refused_before_the_file_is_looked_at(string file)
    {
        var data = _ws.WriteLines("data/accounts.csv", "account_id", "A1");
        _ws.WriteLines("outside.csv", "account_id,NAME", "A1,secret");
        var mapping = _ws.Write("data/m.yaml", JoinMapping(file));

        var e = Assert.Throws<MappingException>(() => _ws.Import("accounts", data, mapping));

        Assert.Contains("must be a file in the import's folder", e.Message, StringComparison.Ordinal);
        Assert.Contains("m.yaml, line 2", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ws.Count("accounts"));
    }

    [Fact]
    public void A_link_inside_the_folder_that_points_outside_is_refused()
    {
        var data = _ws.WriteLines("data/accounts.csv", "account_id", "A1");
        var outside = _ws.WriteLines("outside.csv", "account_id,NAME", "A1,secret");
        File.CreateSymbolicLink(_ws.PathOf("data/lookup.csv"), outside);
        var mapping = _ws.Write("data/m.yaml", JoinMapping("lookup.csv"));

        var e = Assert.Throws<MappingException>(() => _ws.Import("accounts", data, mapping));
        Assert.Contains("must be a file in the import's folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Joined_files_are_bounded_in_size_rows_and_columns()
    {
        var data = _ws.WriteLines("accounts.csv", "account_id", "A1");
        _ws.WriteLines("lookup.csv", ["account_id,NAME", .. Enumerable.Range(0, 50).Select(i => $"A{i},n{i}")]);
        var mapping = _ws.Write("m.yaml", JoinMapping("lookup.csv"));
        ImportResult Run(ImportLimits limits) => new Importer(_ws.Store).Run(new ImportRequest("accounts", data, mapping, Limits: limits));

        Assert.Contains("at most 0 MB", Assert.Throws<SourceFormatException>(() => Run(ImportLimits.Default with { MaxJoinBytes = 100 })).Message);
        Assert.Contains("more than 10 rows", Assert.Throws<SourceFormatException>(() => Run(ImportLimits.Default with { MaxJoinRows = 10 })).Message);
        Assert.Contains("2 columns; at most 1", Assert.Throws<SourceFormatException>(() => Run(ImportLimits.Default with { MaxColumns = 1 })).Message);
        Assert.Equal(ImportStatus.Committed, Run(ImportLimits.Default).Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Repeat_cannot_stage_past_the_row_limit_even_in_a_dry_run(bool dryRun)
    {
        var data = _ws.WriteLines("accounts.csv", "account_id,n", "A,10000", "B,10000");
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: accounts
                repeat: "[n]"
                fields:
                  account_id: { template: "{account_id}-{#}" }
            """);
        var e = Assert.Throws<ImportException>(() =>
            new Importer(_ws.Store).Run(new ImportRequest("accounts", data, mapping, DryRun: dryRun, Limits: ImportLimits.Default with { MaxStagedRows = 15_000 })));
        Assert.Contains("line 3: the import would stage more than 15,000 rows", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ws.Count("accounts"));
    }

    [Fact]
    public void Nested_replaces_are_stopped_before_they_build_a_huge_text()
    {
        var expr = "[name]";
        for (var i = 0; i < 8; i++) expr = $"replace({expr}, 'a', '{new string('a', 64)}')";
        var data = _ws.WriteLines("accounts.csv", "account_id,name", "A1,a");
        var mapping = _ws.Write("m.yaml", $"tables:\n  - table: accounts\n    fields:\n      account_id: account_id\n      name: {{ expr: \"{expr}\" }}\n");

        var reject = Assert.Single(_ws.Import("accounts", data, mapping).Rejects);
        Assert.Contains("replace would make a text of 16,777,216 characters; an expression may make at most 1,000,000", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_more_columns_than_allowed_is_refused_at_its_header()
    {
        var data = _ws.WriteLines("wide.csv", "account_id," + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"c{i}")), "A1" + new string(',', 10_000));
        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("accounts", data));
        Assert.Contains("line 1: the file has 10,001 columns; at most 1,000 are allowed", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2101-01-01")]
    public void Dates_outside_1900_to_2100_are_rejected(string day)
    {
        _ws.SeedAccounts("A1");
        var data = _ws.WriteLines("answers.csv", "response_id,account_id,responded_at,nps", $"R1,A1,{day}T00:00:00Z,5");
        var reject = ImportAssert.SingleReject(_ws.Import("responses", data), data, 2, "responded_at", $"{day}T00:00:00Z", "outside the years 1900–2100");
        Assert.Equal("responded_at", reject.Field);
        Assert.Equal(0, _ws.Count("responses"));
    }

    [Fact]
    public void A_NUL_in_a_key_or_a_field_is_rejected_not_cut()
    {
        _ws.SeedAccounts("A1");
        var data = _ws.Write("answers.csv", "response_id,account_id,responded_at,nps,comment\nR1\0x,A1,2025-01-01,5,ok\nR2,A1,2025-01-01,5,fine\0hidden\n");
        var result = _ws.Import("responses", data);
        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Contains(result.Rejects, r => r.Line == 2 && r.Field == "response_id" && r.Reason.Contains("NUL", StringComparison.Ordinal));
        Assert.Contains(result.Rejects, r => r.Line == 3 && r.Field == "comment" && r.Reason.Contains("NUL", StringComparison.Ordinal));
        Assert.Equal(0, _ws.Count("responses"));
    }

    [Fact]
    public void Invalid_UTF8_is_refused_with_the_line_not_turned_into_replacement_characters()
    {
        var path = _ws.PathOf("latin1.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("account_id,name\nA1,Caf"), 0xE9, .. Encoding.ASCII.GetBytes("\n")]);
        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("accounts", path));
        Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ws.Count("accounts"));
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("12,50")]
    [InlineData("1.234,5")]
    public void A_decimal_comma_is_rejected_never_read_as_thousands(string arr)
    {
        _ws.SeedAccounts("A1");
        var data = _ws.WriteLines("subs.csv", "account_id,product,start_date,arr", $"A1,Core,2024-01-01,\"{arr}\"");
        ImportAssert.SingleReject(_ws.Import("subscriptions", data), data, 2, "arr", arr, "write decimals with a point");
        Assert.Equal(0, _ws.Count("subscriptions"));
    }

    [Fact]
    public void Thousands_separators_in_their_places_still_read()
    {
        _ws.SeedAccounts("A1");
        var data = _ws.WriteLines("subs.csv", "account_id,product,start_date,arr", "A1,Core,2024-01-01,\"1,234.5\"");
        ImportAssert.Committed(_ws.Import("subscriptions", data));
        Assert.Equal(1234.5, _ws.Scalar<double>("SELECT arr FROM subscriptions"));
    }

    [Fact]
    public void Binary_garbage_in_a_malformed_file_is_echoed_escaped()
    {
        var path = _ws.PathOf("garbage.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("account_id,name\nA1,\"ab\"c\u001b[31m\u0007"), .. Encoding.ASCII.GetBytes("\n")]);
        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("accounts", path));
        Assert.DoesNotContain(e.Message, c => char.IsControl(c));
        Assert.Contains("\\x1B", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_Parquet_column_is_named_not_failed_on()
    {
        var path = _ws.PathOf("nested.parquet");
        var id = new DataField<string>("account_id");
        var city = new DataField<string>("city");
        var address = new StructField("address", city);
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, address), stream))
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync(id, new[] { "A1" });
            await group.WriteAsync(city, new[] { "Berlin" });
        }
        var e = Assert.Throws<SourceFormatException>(() => _ws.Import("accounts", path));
        Assert.Contains("column 'address' is a struct; Fulcrum imports flat columns only", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_opens_the_follow_ups_of_new_detractors_in_its_own_commit_and_bumps_the_data_version()
    {
        _ws.SeedAccounts("A1");
        var version = _ws.Store.DataVersion();
        var data = _ws.WriteLines("answers.csv", "response_id,account_id,responded_at,nps", "R1,A1,2025-01-01,3", "R2,A1,2025-01-02,9");
        var result = _ws.Import("responses", data);
        ImportAssert.Committed(result);
        Assert.Equal(1, result.FollowupsOpened);
        Assert.Equal("R1", _ws.Scalar<string>("SELECT response_id FROM followups"));
        Assert.Equal(version + 1, _ws.Store.DataVersion());

        // An update with the same row count still changes the version (the facts' fingerprint), a dry run does not.
        var update = _ws.WriteLines("answers2.csv", "response_id,account_id,responded_at,nps", "R2,A1,2025-01-02,0");
        Assert.Equal(ImportStatus.DryRun, _ws.Import("responses", update, dryRun: true).Status);
        Assert.Equal(version + 1, _ws.Store.DataVersion());
        Assert.Equal(1, _ws.Import("responses", update).FollowupsOpened);
        Assert.Equal(version + 2, _ws.Store.DataVersion());
    }

    public void Dispose() => _ws.Dispose();
}
