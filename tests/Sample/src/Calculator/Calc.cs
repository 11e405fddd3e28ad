namespace Calculator;

/// <summary>A small calculator with a deliberate bug for the SessionResume.Build sample.</summary>
public static class Calc
{
    public static int Add(int a, int b) => a + b;

    public static int Subtract(int a, int b) => a - b;

    public static int Multiply(int a, int b) => a * b;

    /// <summary>The share of <paramref name="part"/> in <paramref name="whole"/>, in percent.</summary>
    public static int Percent(int part, int whole)
    {
        if (whole == 0)
        {
            return 0;
        }

        // Bug (caught by a test once the project compiles): integer division truncates to 0 first.
        return part / whole * 100;
    }
}
