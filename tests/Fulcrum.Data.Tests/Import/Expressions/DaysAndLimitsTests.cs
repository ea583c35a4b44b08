using Fulcrum.Data.Import.Expressions;

namespace Fulcrum.Data.Tests.Import.Expressions;

/// <summary>days() for computed date differences, and the bounds that keep a hostile mapping's expressions cheap.</summary>
public sealed class DaysAndLimitsTests
{
    static object? Eval(string expression, params (string, string?)[] row) =>
        MappingExpression.Parse(expression).Evaluate(new TestRow(row));

    [Theory]
    [InlineData("2018-01-10 15:42:00", "2018-01-05 00:00:00", 5.0)]
    [InlineData("2018-01-05", "2018-01-10", -5.0)]
    [InlineData("2018-03-01T00:30:00Z", "2018-02-28T23:59:59Z", 1.0)]
    [InlineData("2020-03-01", "2020-02-01", 29.0)]
    public void Days_counts_calendar_days_from_the_second_date_to_the_first(string later, string earlier, double days) =>
        Assert.Equal(days, Eval("days([delivered], [estimated])", ("delivered", later), ("estimated", earlier)));

    [Fact]
    public void Days_takes_dates_parsed_with_a_format_and_gives_null_for_a_missing_date()
    {
        Assert.Equal(31.0, Eval("days(date([b], 'dd/MM/yyyy'), [a])", ("a", "2024-01-01"), ("b", "01/02/2024")));
        Assert.Null(Eval("days([delivered], [estimated])", ("delivered", ""), ("estimated", "2024-01-01")));
        Assert.Null(Eval("days([delivered], [estimated])", ("estimated", "2024-01-01")));
        Assert.Equal(2.5, Eval("days([b], [a]) / 2", ("a", "2024-01-01"), ("b", "2024-01-06")));
    }

    [Fact]
    public void Days_names_the_column_whose_value_is_not_a_date()
    {
        var e = Assert.Throws<ExpressionEvaluationException>(() => Eval("days([delivered], [estimated])", ("delivered", "10/01/2018"), ("estimated", "2018-01-05")));
        Assert.Equal("delivered", e.Column);
        Assert.Equal("10/01/2018", e.Value);
        Assert.StartsWith("column 'delivered' value '10/01/2018' is not a date (yyyy-MM-dd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expression_longer_than_the_limit_is_refused_before_it_is_parsed()
    {
        var text = "[a]" + string.Concat(Enumerable.Repeat(" ", MappingExpression.MaxLength));
        var e = Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse(text));
        Assert.Equal($"at position {MappingExpression.MaxLength + 1}: the expression is 4,003 characters long; at most 4,000 are allowed", e.Message);
    }

    [Fact]
    public void Long_chains_of_operators_count_as_depth_so_evaluation_cannot_overflow_the_stack()
    {
        foreach (var op in new[] { " + ", " * ", " and ", " or " })
        {
            var chain = string.Join(op, Enumerable.Repeat("[a]", 300));
            Assert.Contains("nested too deeply", Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse(chain)).Message);
        }
        Assert.Equal(100.0, Eval(string.Join(" + ", Enumerable.Repeat("[a]", 100)), ("a", "1")));
    }
}
