using BenchmarkAgent.Transformations;

namespace BenchmarkAgent.Core.Tests.Transformations;

public sealed class ArithmeticEvaluatorTests
{
    [Theory]
    [InlineData("1+2*3", "7")]
    [InlineData("(1+2)*3", "9")]
    [InlineData("10-4-3", "3")]
    [InlineData("48/2/3", "8")]
    [InlineData("2*(3+(4-1))/3", "4")]
    [InlineData("0.5*7", "3.5")]
    [InlineData(".25*8", "2")]
    [InlineData("-3+5", "2")]
    [InlineData(" 12 * 1.5 ", "18")]
    [InlineData("1.1+2.2", "3.3")]
    public void Evaluates_with_precedence_parentheses_and_decimals(string expression, string expected)
    {
        Assert.True(ArithmeticEvaluator.TryEvaluate(expression, out decimal value, out string error), error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Division_by_zero_fails()
    {
        Assert.False(ArithmeticEvaluator.TryEvaluate("5/(3-3)", out _, out string error));
        Assert.Equal("division by zero", error);
        Assert.Null(ArithmeticEvaluator.Evaluate("1/0"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2+")]
    [InlineData("x+1")]
    [InlineData("2**3")]
    [InlineData("(1+2")]
    [InlineData("1+2)")]
    [InlineData("System.IO.File.Delete(\"a\")")]
    [InlineData("3 4")]
    [InlineData("1.2.3")]
    [InlineData("2^3")]
    [InlineData("$5*2")]
    public void Rejects_letters_and_garbage(string expression)
    {
        Assert.False(ArithmeticEvaluator.TryEvaluate(expression, out _, out string error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Overflow_and_deep_nesting_fail_instead_of_throwing()
    {
        Assert.Null(ArithmeticEvaluator.Evaluate("99999999999999999999999999999*99999999999"));
        Assert.Null(ArithmeticEvaluator.Evaluate(new string('(', 500) + "1" + new string(')', 500)));
    }
}
