using NotebookNN.Callbacks;

namespace NotebookNN.Tests.Callbacks;

/// <summary>Expected strings are Python 3's output for the same format (checked with /usr/bin/python3).</summary>
public class PyNumberFormatTests
{
    [Theory]
    [InlineData(0.5, 0, "0")]
    [InlineData(1.5, 0, "2")]
    [InlineData(2.5, 0, "2")]
    [InlineData(0.03125, 4, "0.0312")]
    [InlineData(0.09375, 4, "0.0938")]
    [InlineData(0.48431, 4, "0.4843")]
    [InlineData(-0.00001, 4, "-0.0000")]
    [InlineData(1234.56785, 4, "1234.5678")]   // binary value lies just below the tie
    [InlineData(311.1111111111111, 0, "311")]
    public void Fixed(double x, int decimals, string expected) => Assert.Equal(expected, PyNumberFormat.Fixed(x, decimals));

    [Theory]
    [InlineData(0.0005, "5.0000e-04")]
    [InlineData(-0.5, "-5.0000e-01")]
    [InlineData(0.0, "0.0000e+00")]
    [InlineData(9.99996e-05, "1.0000e-04")]
    [InlineData(1.23456789e-10, "1.2346e-10")]
    [InlineData(6.103515625e-05, "6.1035e-05")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Exponent(double x, string expected) => Assert.Equal(expected, PyNumberFormat.Exponent(x, 4));
}
