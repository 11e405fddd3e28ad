using Calculator;

namespace Calculator.Tests;

public class CalcTests
{
    [Fact]
    public void Add_adds() => Assert.Equal(5, Calc.Add(2, 3));

    [Fact]
    public void Subtract_subtracts() => Assert.Equal(-1, Calc.Subtract(2, 3));

    [Fact]
    public void Multiply_multiplies() => Assert.Equal(6, Calc.Multiply(2, 3));

    [Theory]
    [InlineData(2, 3, 6)]
    [InlineData(-2, 3, -6)]
    public void Multiply_handles_signs(int a, int b, int expected) =>
        Assert.Equal(expected, Calc.Multiply(a, b));

    // Fails on purpose: Calc.Percent divides before multiplying, so 1 of 4 comes out as 0.
    [Fact]
    public void Percent_of_one_in_four_is_25() => Assert.Equal(25, Calc.Percent(1, 4));
}
