using Fulcrum.Data.Import.Expressions;

namespace Fulcrum.Data.Tests.Import.Expressions;

public class MappingExpressionSyntaxTests
{
    private static ExpressionSyntaxException SyntaxError(string expression) =>
        Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse(expression));

    // ---- column references ----

    [Fact]
    public void ColumnReferencesAreDistinctInOrderOfFirstAppearance()
    {
        var expr = MappingExpression.Parse("if([B] > 0, [A] * [B], coalesce(C_1, [A], [Monthly Charge (USD)]))");
        Assert.Equal(["B", "A", "C_1", "Monthly Charge (USD)"], expr.ColumnReferences);
    }

    [Fact]
    public void ColumnReferencesAreCaseSensitiveAndIncludeBareIdentifiers()
    {
        Assert.Equal(["plan", "Plan"], MappingExpression.Parse("concat(plan, [Plan], plan)").ColumnReferences);
        Assert.Empty(MappingExpression.Parse("1 + 2").ColumnReferences);
    }

    [Fact]
    public void BracketedNamesMayContainAnythingButClosingBracket()
    {
        var expr = MappingExpression.Parse("[a, b (c) 'd' + e/f]");
        Assert.Equal(["a, b (c) 'd' + e/f"], expr.ColumnReferences);
        Assert.Equal("x", expr.Evaluate(new TestRow(("a, b (c) 'd' + e/f", "x"))));
    }

    [Fact]
    public void KeywordsAndFunctionNamesAreNotBareColumns()
    {
        Assert.Empty(MappingExpression.Parse("true or Null or FALSE").ColumnReferences);
        Assert.Equal(["lower"], MappingExpression.Parse("lower([lower])").ColumnReferences);
        Assert.Equal(["Total_2024"], MappingExpression.Parse("Total_2024 * 2").ColumnReferences);
        Assert.Equal(["ünïcode"], MappingExpression.Parse("ünïcode").ColumnReferences);
    }

    [Fact]
    public void WhitespaceIsInsignificant()
    {
        Assert.Equal(7.0, MappingExpression.Parse("  1+2*3  ").Evaluate(TestRow.Empty));
        Assert.Equal(7.0, MappingExpression.Parse("1\n+\t2 * 3").Evaluate(TestRow.Empty));
        Assert.Equal(true, MappingExpression.Parse("1<2").Evaluate(TestRow.Empty));
    }

    // ---- every function parses with each allowed arity ----

    [Theory]
    [InlineData("if(true, 1, 2)")]
    [InlineData("coalesce(1)")]
    [InlineData("coalesce(1, 2, 3, 4)")]
    [InlineData("concat('a')")]
    [InlineData("concat('a', 'b', 'c', 'd', 'e')")]
    [InlineData("lower('a')")]
    [InlineData("upper('a')")]
    [InlineData("trim('a')")]
    [InlineData("round(1)")]
    [InlineData("round(1, 2)")]
    [InlineData("floor(1)")]
    [InlineData("ceil(1)")]
    [InlineData("abs(1)")]
    [InlineData("min(1, 2, 3)")]
    [InlineData("max(1, 2)")]
    [InlineData("number('1')")]
    [InlineData("int(1)")]
    [InlineData("text(1)")]
    [InlineData("len('a')")]
    [InlineData("contains('a', 'b')")]
    [InlineData("startswith('a', 'b')")]
    [InlineData("replace('a', 'b', 'c')")]
    [InlineData("date('2024', 'yyyy')")]
    [InlineData("isnull(1)")]
    public void FunctionsParse(string expression) => MappingExpression.Parse(expression);

    // ---- error messages ----

    [Theory]
    [InlineData("round([A] * 12", 15, "expected ',' or ')' but found end of expression")]
    [InlineData("([A] * 12", 10, "expected ')' but found end of expression")]
    [InlineData("(1 + 2", 7, "expected ')' but found end of expression")]
    [InlineData("", 1, "expected an expression but found end of expression")]
    [InlineData("   ", 4, "expected an expression but found end of expression")]
    [InlineData("1 +", 4, "expected an expression but found end of expression")]
    [InlineData("1 + * 2", 5, "expected an expression but found '*'")]
    [InlineData("[A] [B]", 5, "expected an operator or end of expression but found column [B]")]
    [InlineData("1 2", 3, "expected an operator or end of expression but found '2'")]
    [InlineData("'a' 'b'", 5, "expected an operator or end of expression but found string 'b'")]
    [InlineData("1 + 2)", 6, "expected end of expression (unbalanced ')') but found ')'")]
    [InlineData("foo(1)", 1, "unknown function 'foo'")]
    [InlineData("1 + Bogus(1, 2)", 5, "unknown function 'Bogus'")]
    [InlineData("round(1, 2, 3)", 1, "function 'round' expects 1 to 2 arguments but got 3")]
    [InlineData("lower()", 1, "function 'lower' expects 1 argument but got 0")]
    [InlineData("if(true, 1)", 1, "function 'if' expects 3 arguments but got 2")]
    [InlineData("concat()", 1, "function 'concat' expects at least 1 argument but got 0")]
    [InlineData("max()", 1, "function 'max' expects at least 1 argument but got 0")]
    [InlineData("date('2024')", 1, "function 'date' expects 2 arguments but got 1")]
    [InlineData("x + lower", 10, "expected '(' after function name 'lower' but found end of expression (write [lower] for a column with that name)")]
    [InlineData("round(1,)", 9, "expected an expression but found ')'")]
    [InlineData("round(1 2)", 9, "expected ',' or ')' but found '2'")]
    [InlineData("[A", 3, "expected ']' to close the column reference started at position 1 but found end of expression")]
    [InlineData("1 + []", 5, "empty column reference '[]'")]
    [InlineData("'abc", 5, "expected closing quote of the string started at position 1 but found end of expression")]
    [InlineData("\"abc\"", 1, "unexpected character '\"' (string literals use single quotes)")]
    [InlineData("1 # 2", 3, "unexpected character '#'")]
    [InlineData("!true", 1, "unexpected character '!' (use 'not' or '!=')")]
    [InlineData("12abc", 1, "invalid number '12abc'")]
    [InlineData("1.2.3", 1, "invalid number '1.2.3'")]
    [InlineData("1e", 1, "invalid number '1e'")]
    [InlineData("1e999", 1, "number '1e999' is out of range")]
    [InlineData("1 < 2 < 3", 7, "comparisons cannot be chained; found '<' after a comparison (use 'and')")]
    [InlineData("true and or false", 10, "expected an expression but found 'or'")]
    [InlineData("not", 4, "expected an expression but found end of expression")]
    [InlineData("+1", 1, "expected an expression but found '+'")]
    [InlineData("a = = b", 5, "expected an expression but found '='")]
    public void SyntaxErrorNamesPositionAndExpectation(string expression, int position, string reason)
    {
        var ex = SyntaxError(expression);
        Assert.Equal($"at position {position}: {reason}", ex.Message);
        Assert.Equal(position, ex.Position);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(expression, ex.Expression);
    }

    [Fact]
    public void MessageMatchesDocumentedShape()
    {
        // 13 characters; position 14 is the end of the expression.
        var ex = SyntaxError("(([A] * 12) +");
        Assert.Equal("at position 14: expected an expression but found end of expression", ex.Message);
        ex = SyntaxError("(([A] * 12) 1");
        Assert.Equal("at position 13: expected ')' but found '1'", ex.Message);
    }

    [Fact]
    public void UnknownFunctionIsAParseErrorEvenInsideAnUntakenBranch() =>
        Assert.Equal("at position 14: unknown function 'nope'", SyntaxError("if(false, 1, nope(2))").Message);

    [Fact]
    public void DeepNestingIsRejectedNotCrashing()
    {
        var deep = new string('(', 500) + "1" + new string(')', 500);
        Assert.Contains("nested too deeply", SyntaxError(deep).Message);
        Assert.Contains("nested too deeply", SyntaxError(string.Concat(Enumerable.Repeat("not ", 500)) + "true").Message);
        Assert.Equal(1.0, MappingExpression.Parse(new string('(', 100) + "1" + new string(')', 100)).Evaluate(TestRow.Empty));
    }

    [Fact]
    public void NullTextIsRejected() => Assert.Throws<ArgumentNullException>(() => MappingExpression.Parse(null!));
}
