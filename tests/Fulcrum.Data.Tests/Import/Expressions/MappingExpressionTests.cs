using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Fulcrum.Data.Import.Expressions;

namespace Fulcrum.Data.Tests.Import.Expressions;

public class MappingExpressionTests
{
    private static object? Eval(string expression, params (string, string?)[] row) =>
        MappingExpression.Parse(expression).Evaluate(new TestRow(row));

    private static ExpressionEvaluationException EvalError(string expression, params (string, string?)[] row) =>
        Assert.Throws<ExpressionEvaluationException>(() => Eval(expression, row));

    // ---- columns and literals ----

    [Fact]
    public void ColumnValueIsText()
    {
        Assert.Equal("42", Eval("[A]", ("A", "42")));
        Assert.Equal("x y", Eval("[Monthly Charge]", ("Monthly Charge", "x y")));
        Assert.Equal("v", Eval("Plan_2", ("Plan_2", "v")));
    }

    [Fact]
    public void A_bracket_in_a_column_name_is_written_twice()
    {
        Assert.Equal("[score [0-10]]]", MappingExpression.ColumnReference("score [0-10]"));
        Assert.Equal(14.0, Eval("[score [0-10]]] * 2", ("score [0-10]", "7")));
        Assert.Equal("x", Eval("[a]]]]b]", ("a]]b", "x")));
        Assert.Equal(["score [0-10]"], MappingExpression.Parse("[score [0-10]]] + 1").ColumnReferences);
        // A single ']' still closes the reference; one never closed says how to write a ']' in a name.
        var error = Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse("[score [0-10]]"));
        Assert.Contains("found end of expression (']]' is a ']' in the column name; close the reference with one more ']')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MissingColumnIsNull(string? raw)
    {
        Assert.Null(Eval("[A]", ("A", raw)));
        Assert.Null(Eval("[Not There]"));
    }

    [Fact]
    public void Literals()
    {
        Assert.Equal(12.0, Eval("12"));
        Assert.Equal(0.5, Eval("0.5"));
        Assert.Equal(0.5, Eval(".5"));
        Assert.Equal(1000.0, Eval("1e3"));
        Assert.Equal(0.0015, Eval("1.5E-3"));
        Assert.Equal("it's", Eval("'it''s'"));
        Assert.Equal("", Eval("''"));
        Assert.Equal(true, Eval("true"));
        Assert.Equal(false, Eval("FALSE"));
        Assert.Null(Eval("Null"));
    }

    // ---- arithmetic ----

    [Theory]
    [InlineData("[A] * 12", 120.0)]
    [InlineData("[A] + 2", 12.0)]
    [InlineData("[A] - 2", 8.0)]
    [InlineData("[A] / 4", 2.5)]
    [InlineData("[A] % 3", 1.0)]
    [InlineData("-[A]", -10.0)]
    [InlineData("--[A]", 10.0)]
    [InlineData("-7 % 3", -1.0)]
    public void Arithmetic(string expression, double expected) =>
        Assert.Equal(expected, Eval(expression, ("A", "10")));

    [Theory]
    [InlineData("1 + 2 * 3", 7.0)]
    [InlineData("(1 + 2) * 3", 9.0)]
    [InlineData("10 - 4 - 3", 3.0)]
    [InlineData("100 / 10 / 2", 5.0)]
    [InlineData("2 * 3 % 4", 2.0)]
    [InlineData("-2 * 3", -6.0)]
    [InlineData("-(2 + 3) * 2", -10.0)]
    [InlineData("1 + -2", -1.0)]
    [InlineData("7 - -3", 10.0)]
    public void ArithmeticPrecedence(string expression, double expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData(" 12.5 ", 25.0)]
    [InlineData("-3", -6.0)]
    [InlineData("1e2", 200.0)]
    public void ColumnTextConvertsToNumberWithInvariantCulture(string raw, double expected) =>
        Assert.Equal(expected, Eval("[A] * 2", ("A", raw)));

    [Theory]
    [InlineData("[A] + 1")]
    [InlineData("1 - [A]")]
    [InlineData("[A] * [B]")]
    [InlineData("[B] / [A]")]
    [InlineData("[A] % 2")]
    [InlineData("-[A]")]
    [InlineData("[A] + 'abc'")]
    [InlineData("null * 2")]
    public void NullPropagatesThroughArithmetic(string expression) =>
        Assert.Null(Eval(expression, ("B", "3")));

    [Fact]
    public void BadNumberNamesColumnAndValue()
    {
        var ex = EvalError("[Monthly Charge] * 12", ("Monthly Charge", "abc"));
        Assert.Equal("column 'Monthly Charge' value 'abc' is not a number", ex.Message);
        Assert.Equal("Monthly Charge", ex.Column);
        Assert.Equal("abc", ex.Value);
    }

    [Theory]
    [InlineData("1,234")]
    [InlineData("$5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("   ")]
    public void ImplicitConversionIsStrict(string raw)
    {
        var ex = EvalError("[A] + 1", ("A", raw));
        Assert.Equal("A", ex.Column);
        Assert.Equal(raw, ex.Value);
    }

    [Fact]
    public void ColumnNameSurvivesTextFunctions()
    {
        var ex = EvalError("trim([A]) * 2", ("A", " x "));
        Assert.Equal("column 'A' value 'x' is not a number", ex.Message);
    }

    [Fact]
    public void BadLiteralNumberHasNoColumn()
    {
        var ex = EvalError("'abc' + 1");
        Assert.Equal("value 'abc' is not a number", ex.Message);
        Assert.Null(ex.Column);
        Assert.Equal("boolean 'true' is not a number", EvalError("true * 2").Message);
    }

    [Theory]
    [InlineData("[A] / 0")]
    [InlineData("[A] % 0")]
    [InlineData("[A] / [Z]")]
    [InlineData("1 / 0")]
    public void DivisionByZeroThrows(string expression)
    {
        var ex = EvalError(expression, ("A", "5"), ("Z", "0"));
        Assert.Equal("division by zero", ex.Message);
    }

    // ---- comparisons ----

    [Theory]
    [InlineData("[A] = 10", true)]
    [InlineData("[A] == 10.0", true)]
    [InlineData("[A] != 10", false)]
    [InlineData("[A] <> 11", true)]
    [InlineData("[A] < 9", false)]
    [InlineData("[A] <= 10", true)]
    [InlineData("[A] > 9", true)]
    [InlineData("[A] >= 11", false)]
    [InlineData("[A] > 9.5", true)]
    [InlineData("[A] < 100", true)] // numeric, not text ("10" > "100" as text)
    public void NumericComparisons(string expression, bool expected) =>
        Assert.Equal(expected, Eval(expression, ("A", "10")));

    [Theory]
    [InlineData("[P] = 'Gold'", true)]
    [InlineData("[P] = 'gold'", false)] // case-sensitive
    [InlineData("[P] != 'Silver'", true)]
    [InlineData("[P] < 'Silver'", true)]
    [InlineData("[P] > 'Gold '", false)]
    [InlineData("[N] = '10'", false)] // text compare: "10.0" vs "10"
    [InlineData("[N] = 10", true)]
    [InlineData("[P] = [Q]", true)]
    [InlineData("'a' < 'b'", true)]
    [InlineData("'B' < 'a'", true)] // ordinal
    public void TextComparisons(string expression, bool expected) =>
        Assert.Equal(expected, Eval(expression, ("P", "Gold"), ("Q", "Gold"), ("N", "10.0")));

    [Theory]
    [InlineData("[A] = 1")]
    [InlineData("[A] = 'x'")]
    [InlineData("[A] != 'x'")]
    [InlineData("[A] <> 1")]
    [InlineData("[A] < 1")]
    [InlineData("[A] >= 1")]
    [InlineData("null = null")]
    [InlineData("1 = null")]
    public void ComparisonWithNullIsFalse(string expression) => Assert.Equal(false, Eval(expression));

    [Fact]
    public void ComparingNonNumericColumnToNumberThrows()
    {
        var ex = EvalError("[Plan] = 5", ("Plan", "Gold"));
        Assert.Equal("column 'Plan' value 'Gold' is not a number", ex.Message);
    }

    [Theory]
    [InlineData("[Active] = true", "true", true)]
    [InlineData("[Active] = true", "Yes", true)]
    [InlineData("[Active] = false", "0", true)]
    [InlineData("true != false", "x", true)]
    [InlineData("false < true", "x", true)]
    public void BooleanComparisons(string expression, string active, bool expected) =>
        Assert.Equal(expected, Eval(expression, ("Active", active)));

    [Fact]
    public void NonBooleanTextComparedToBoolThrows()
    {
        var ex = EvalError("[Active] = true", ("Active", "maybe"));
        Assert.Equal("column 'Active' value 'maybe' is not a boolean", ex.Message);
    }

    [Fact]
    public void ComparisonBindsLooserThanArithmetic()
    {
        Assert.Equal(true, Eval("[A] * 2 > [A] + 5", ("A", "10")));
        Assert.Equal(true, Eval("1 + 1 = 2"));
    }

    // ---- logic ----

    [Theory]
    [InlineData("true and true", true)]
    [InlineData("true and false", false)]
    [InlineData("false or true", true)]
    [InlineData("false or false", false)]
    [InlineData("not true", false)]
    [InlineData("NOT false", true)]
    [InlineData("true or false and false", true)] // and binds tighter than or
    [InlineData("(true or false) and false", false)]
    [InlineData("not false and false", false)] // not binds tighter than and
    [InlineData("not 1 = 2", true)] // comparison binds tighter than not
    [InlineData("1 < 2 AND 3 > 2 Or false", true)]
    [InlineData("null or true", true)]
    [InlineData("null and true", false)]
    [InlineData("not null", true)]
    [InlineData("not not true", true)]
    public void Logic(string expression, bool expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void LogicShortCircuits()
    {
        Assert.Equal(false, Eval("false and [A] / 0 > 1", ("A", "1")));
        Assert.Equal(true, Eval("true or [A] / 0 > 1", ("A", "1")));
    }

    [Fact]
    public void TextTruthiness()
    {
        Assert.Equal(true, Eval("[F] and true", ("F", "TRUE")));
        Assert.Equal(false, Eval("[F] or false", ("F", "no")));
        Assert.Equal("column 'F' value 'x' is not a boolean", EvalError("not [F]", ("F", "x")).Message);
    }

    // ---- functions ----

    [Theory]
    [InlineData("if([A] > 5, 'big', 'small')", "big")]
    [InlineData("if([A] < 5, 'big', 'small')", "small")]
    [InlineData("if([Missing], 'yes', 'no')", "no")]
    [InlineData("IF(true, 'a', 'b')", "a")]
    public void If(string expression, string expected) => Assert.Equal(expected, Eval(expression, ("A", "10")));

    [Fact]
    public void IfEvaluatesOnlyTheTakenBranch() =>
        Assert.Equal(1.0, Eval("if([A] = 0, 1, 1 / [A])", ("A", "0")));

    [Fact]
    public void Coalesce()
    {
        Assert.Equal("b", Eval("coalesce([A], [B], 'c')", ("B", "b")));
        Assert.Equal("c", Eval("coalesce([A], [B], 'c')"));
        Assert.Equal("c", Eval("coalesce(trim([A]), 'c')", ("A", "   ")));
        Assert.Equal(0.0, Eval("coalesce([A] * 2, 0)"));
        Assert.Null(Eval("coalesce([A], null)"));
        Assert.Equal("x", Eval("coalesce([A])", ("A", "x")));
    }

    [Fact]
    public void Concat()
    {
        Assert.Equal("Ada Lovelace", Eval("concat([F], ' ', [L])", ("F", "Ada"), ("L", "Lovelace")));
        Assert.Equal("Ada ", Eval("concat([F], ' ', [L])", ("F", "Ada")));
        Assert.Equal("x12true0.5", Eval("concat('x', 12, true, 1/2)"));
        Assert.Equal("a-b-c-d", Eval("concat('a', '-', [B], '-', 'c', '-', 'd')", ("B", "b")));
        Assert.Equal("", Eval("concat(null)"));
        Assert.Equal("2024-03-01", Eval("concat(date('01/03/2024', 'dd/MM/yyyy'))"));
    }

    [Fact]
    public void TextFunctions()
    {
        Assert.Equal("abc é", Eval("lower([A])", ("A", "AbC É")));
        Assert.Equal("ABC É", Eval("upper([A])", ("A", "AbC é")));
        Assert.Equal("a b", Eval("trim([A])", ("A", "  a b \t")));
        Assert.Equal("12.5", Eval("text(12.5)"));
        Assert.Equal("1200", Eval("text(1.2e3)"));
        Assert.Equal("0", Eval("text(-0)"));
        Assert.Equal("true", Eval("text(1 = 1)"));
        Assert.Equal("2024-03-01T13:45:10", Eval("text(date('2024-03-01 13:45:10', 'yyyy-MM-dd HH:mm:ss'))"));
        Assert.Equal(5.0, Eval("len([A])", ("A", "hello")));
        Assert.Equal(2.0, Eval("len(12)"));
        foreach (var f in new[] { "lower", "upper", "trim", "text", "len" })
        {
            Assert.Null(Eval($"{f}([A])"));
        }
    }

    [Fact]
    public void ContainsStartsWithReplace()
    {
        Assert.Equal(true, Eval("contains([A], 'lo W')", ("A", "Hello World")));
        Assert.Equal(false, Eval("contains([A], 'world')", ("A", "Hello World")));
        Assert.Equal(true, Eval("startswith([A], 'Hell')", ("A", "Hello World")));
        Assert.Equal(false, Eval("startswith([A], 'hell')", ("A", "Hello World")));
        Assert.Null(Eval("contains([A], 'x')"));
        Assert.Null(Eval("startswith('x', [A])"));
        Assert.Equal("a_b_c", Eval("replace([A], ' ', '_')", ("A", "a b c")));
        Assert.Equal("abc", Eval("replace([A], '', '_')", ("A", "abc")));
        Assert.Equal("ac", Eval("replace([A], 'B', '')", ("A", "aBc")));
        Assert.Null(Eval("replace([A], 'a', 'b')"));
        Assert.Null(Eval("replace('a', 'a', null)"));
        Assert.Equal(false, Eval("contains([A], 'x') or startswith([A], 'y')"));
    }

    [Theory]
    [InlineData("round(2.5)", 3.0)]
    [InlineData("round(-2.5)", -3.0)]
    [InlineData("round(2.4)", 2.0)]
    [InlineData("round(1.005 * 1000, 0)", 1005.0)]
    [InlineData("round(3.14159, 2)", 3.14)]
    [InlineData("round(1234.5, -2)", 1200.0)]
    [InlineData("round(1250, -2)", 1300.0)]
    [InlineData("round(1.23456, 20)", 1.23456)]
    [InlineData("floor(2.7)", 2.0)]
    [InlineData("floor(-2.2)", -3.0)]
    [InlineData("ceil(2.2)", 3.0)]
    [InlineData("ceil(-2.7)", -2.0)]
    [InlineData("abs(-4.5)", 4.5)]
    [InlineData("abs('3')", 3.0)]
    [InlineData("int(2.9)", 2.0)]
    [InlineData("int(-2.9)", -2.0)]
    [InlineData("int('7.5')", 7.0)]
    [InlineData("min(3, 1, 2)", 1.0)]
    [InlineData("max(3, 1, 2)", 3.0)]
    [InlineData("min(5)", 5.0)]
    [InlineData("max('10', '9')", 10.0)]
    [InlineData("min(null, 4, null, 2)", 2.0)]
    public void NumericFunctions(string expression, double expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("round([A])")]
    [InlineData("round(1.5, [A])")]
    [InlineData("floor([A])")]
    [InlineData("ceil([A])")]
    [InlineData("abs([A])")]
    [InlineData("int([A])")]
    [InlineData("min([A], null)")]
    [InlineData("max([A])")]
    [InlineData("number([A])")]
    [InlineData("date([A], 'yyyy')")]
    public void NumericFunctionsPropagateNull(string expression) => Assert.Null(Eval(expression));

    [Fact]
    public void NumericFunctionBadInputNamesColumn()
    {
        var ex = EvalError("round([Score], 1)", ("Score", "n/a"));
        Assert.Equal("column 'Score' value 'n/a' is not a number", ex.Message);
        Assert.Equal("column 'B' value 'x' is not a number", EvalError("max(1, [B])", ("B", "x")).Message);
    }

    [Theory]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1,234,567", 1234567.0)]
    [InlineData("$1,234.50", 1234.5)]
    [InlineData("€12", 12.0)]
    [InlineData("£ 7.25", 7.25)]
    [InlineData("-$5", -5.0)]
    [InlineData("$-5", -5.0)]
    [InlineData("(1,000.00)", -1000.0)]
    [InlineData("  42  ", 42.0)]
    [InlineData("12 €", 12.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData(".5", 0.5)]
    public void NumberParsesLeniently(string raw, double expected) =>
        Assert.Equal(expected, Eval("number([A])", ("A", raw)));

    [Theory]
    [InlineData("abc")]
    [InlineData("1,2.3,4")]
    [InlineData(",123")]
    [InlineData("12,")]
    [InlineData("$")]
    [InlineData("1.234,5")]
    [InlineData("--5")]
    [InlineData("NaN")]
    public void NumberRejectsGarbage(string raw)
    {
        var ex = EvalError("number([Revenue])", ("Revenue", raw));
        Assert.Equal($"column 'Revenue' value '{raw}' is not a number", ex.Message);
        Assert.Equal("Revenue", ex.Column);
        Assert.Equal(raw, ex.Value);
    }

    [Fact]
    public void NumberOfNonText()
    {
        Assert.Equal(4.0, Eval("number(4)"));
        Assert.Equal(1.0, Eval("number(true)"));
        Assert.Equal(2469.0, Eval("number([A]) * 2", ("A", "1,234.5")));
    }

    [Fact]
    public void Date()
    {
        Assert.Equal(new DateTime(2024, 3, 1), Eval("date([D], 'dd/MM/yyyy')", ("D", "01/03/2024")));
        Assert.Equal(new DateTime(2024, 3, 1, 13, 45, 0), Eval("date([D], 'yyyy-MM-dd HH:mm')", ("D", " 2024-03-01 13:45 ")));
        Assert.Equal(new DateTime(2024, 3, 1), Eval("DATE('March 1, 2024', 'MMMM d, yyyy')"));
    }

    [Fact]
    public void BadDateNamesColumnValueAndFormat()
    {
        var ex = EvalError("date([Signup], 'yyyy-MM-dd')", ("Signup", "2024-13-01"));
        Assert.Equal("column 'Signup' value '2024-13-01' is not a date in format 'yyyy-MM-dd'", ex.Message);
        Assert.Equal("Signup", ex.Column);
        Assert.Equal("2024-13-01", ex.Value);
    }

    [Fact]
    public void DateArithmeticAndComparison()
    {
        (string, string?)[] row = [("S", "2024-01-01"), ("E", "2024-03-01")];
        Assert.Equal(60.0, Eval("date([E], 'yyyy-MM-dd') - date([S], 'yyyy-MM-dd')", row));
        Assert.Equal(new DateTime(2024, 1, 31), Eval("date([S], 'yyyy-MM-dd') + 30", row));
        Assert.Equal(new DateTime(2023, 12, 31), Eval("date([S], 'yyyy-MM-dd') - 1", row));
        Assert.Equal(new DateTime(2024, 1, 2), Eval("1 + date([S], 'yyyy-MM-dd')", row));
        Assert.Equal(true, Eval("date([E], 'yyyy-MM-dd') > date([S], 'yyyy-MM-dd')", row));
        Assert.Equal(new DateTime(2024, 3, 1), Eval("max(date([E], 'yyyy-MM-dd'), date([S], 'yyyy-MM-dd'), null)", row));
        Assert.Equal(new DateTime(2024, 1, 1), Eval("min(date([E], 'yyyy-MM-dd'), date([S], 'yyyy-MM-dd'))", row));
        Assert.Equal(
            "operator '*' cannot be applied to date '2024-01-01' and number '2'",
            EvalError("date([S], 'yyyy-MM-dd') * 2", row).Message);
        Assert.Equal(
            "cannot compare date '2024-01-01' with text '2024-01-01'",
            EvalError("date([S], 'yyyy-MM-dd') = [S]", row).Message);
        Assert.Contains("cannot mix dates and numbers", EvalError("max(date([S], 'yyyy-MM-dd'), 3)", row).Message);
    }

    [Fact]
    public void IsNull()
    {
        Assert.Equal(true, Eval("isnull([A])"));
        Assert.Equal(true, Eval("isnull([A])", ("A", "")));
        Assert.Equal(false, Eval("isnull([A])", ("A", "0")));
        Assert.Equal(true, Eval("isnull(null)"));
        Assert.Equal(true, Eval("isnull('')"));
        Assert.Equal(true, Eval("isnull([A] * 2)"));
        Assert.Equal(false, Eval("not isnull([A])"));
    }

    [Fact]
    public void FunctionNamesAreCaseInsensitive()
    {
        Assert.Equal("ab", Eval("CONCAT('a', 'b')"));
        Assert.Equal(2.0, Eval("Round(1.6)"));
        Assert.Equal(true, Eval("IsNull(null)"));
    }

    [Fact]
    public void RealisticMappings()
    {
        (string, string?)[] row = [("Monthly Charge", "$79.99"), ("Plan", "Gold"), ("NPS", "9"), ("Churned", "No")];
        Assert.Equal(959.88, Eval("round(number([Monthly Charge]) * 12, 2)", row));
        Assert.Equal("promoter", Eval("if(NPS >= 9, 'promoter', if(NPS >= 7, 'passive', 'detractor'))", row));
        Assert.Equal(true, Eval("[Plan] = 'Gold' and not [Churned]", row));
        Assert.Equal("gold-9", Eval("concat(lower(Plan), '-', NPS)", row));
    }

    // ---- evaluation is reusable and cheap ----

    [Fact]
    public void ParseOnceEvaluateManyRows()
    {
        var expr = MappingExpression.Parse("[A] * 12");
        Assert.Equal(12.0, expr.Evaluate(new TestRow(("A", "1"))));
        Assert.Equal(24.0, expr.Evaluate(new TestRow(("A", "2"))));
        Assert.Null(expr.Evaluate(new TestRow()));
        Assert.Equal("[A] * 12", expr.Text);
        Assert.Equal("[A] * 12", expr.ToString());
    }

    [Fact]
    public void ConstantExpressionsAreFoldedButErrorsStillSurfacePerRow()
    {
        Assert.Equal(26.0, Eval("2 * (10 + 3)"));
        Assert.Equal("AB", Eval("upper(concat('a', 'b'))"));
        Assert.Throws<ExpressionEvaluationException>(() => MappingExpression.Parse("1 / (2 - 2)").Evaluate(TestRow.Empty));
    }

    [Fact]
    public void EvaluateDoesNotAllocateBeyondBoxing()
    {
        var row = new TestRow(("A", "10"), ("P", "Gold"));
        var boolExpr = MappingExpression.Parse("[A] > 5 and [P] = 'Gold' and not isnull([A])");
        var numExpr = MappingExpression.Parse("[A] * 12 + round([A] / 3, 2)");
        for (var i = 0; i < 100; i++)
        {
            boolExpr.Evaluate(row);
            numExpr.Evaluate(row);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            boolExpr.Evaluate(row);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            numExpr.Evaluate(row);
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before <= 1000 * 32, "only the boxed double result may allocate");
    }

    [Fact]
    public void NullRowIsRejected() =>
        Assert.Throws<ArgumentNullException>(() => MappingExpression.Parse("1").Evaluate(null!));

    // ---- properties ----

    private static string Print(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    [Property]
    public bool SumOfColumnsEqualsSumOfDoubles(double a, double b)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            return true;
        }

        var result = MappingExpression.Parse("[a] + [b]").Evaluate(new TestRow(("a", Print(a)), ("b", Print(b))));
        return result is double d && d.Equals(a + b);
    }

    [Property]
    public bool ColumnNumberParsingMatchesDoubleParse(long mantissa, byte scale, bool negative)
    {
        // Exercises both the simple-decimal fast path (≤ 15 digits) and the double.Parse fallback.
        var digits = Math.Abs(mantissa % 1_000_000_000_000_000_000).ToString(CultureInfo.InvariantCulture);
        var point = scale % (digits.Length + 1);
        var text = (negative ? "-" : "") + digits[..(digits.Length - point)] + (point > 0 ? "." + digits[^point..] : "");
        var expected = double.Parse(text, CultureInfo.InvariantCulture);
        var result = MappingExpression.Parse("[a] * 1").Evaluate(new TestRow(("a", text)));
        return result is double d && d.Equals(expected);
    }

    [Theory]
    [InlineData("0.1", 0.1)]
    [InlineData("-0.3", -0.3)]
    [InlineData("123456789012345", 123456789012345.0)]
    [InlineData("1234567890123456", 1234567890123456.0)]
    [InlineData("0.000000000000001", 1e-15)]
    [InlineData("5.", 5.0)]
    [InlineData("+5", 5.0)]
    [InlineData("9007199254740993", 9007199254740992.0)]
    public void ColumnNumberEdgeCases(string raw, double expected) =>
        Assert.Equal(expected, Eval("[A] + 0", ("A", raw)));

    [Property]
    public bool PrintedNumberLiteralRoundTrips(double a)
    {
        if (!double.IsFinite(a))
        {
            return true;
        }

        var result = MappingExpression.Parse(Print(a)).Evaluate(TestRow.Empty);
        return result is double d && d == a;
    }

    [Property]
    public bool ArithmeticPrecedenceMatchesCSharp(int a, int b, int c)
    {
        var expr = $"{a} + {b} * {c} - {a} % {(c == 0 ? 1 : c)}";
        var expected = a + ((double)b * c) - (a % (double)(c == 0 ? 1 : c));
        return MappingExpression.Parse(expr).Evaluate(TestRow.Empty) is double d && d == expected;
    }

    [Property]
    public bool StringLiteralEscapingRoundTrips(NonNull<string> s)
    {
        var literal = "'" + s.Get.Replace("'", "''", StringComparison.Ordinal) + "'";
        return Equals(MappingExpression.Parse(literal).Evaluate(TestRow.Empty), s.Get);
    }

    [Property]
    public bool NumberFunctionAcceptsThousandsSeparatedText(int whole)
    {
        var text = "$" + whole.ToString("#,0.00", CultureInfo.InvariantCulture);
        return MappingExpression.Parse("number([A])").Evaluate(new TestRow(("A", text))) is double d && d == whole;
    }
}
