using System.Globalization;

namespace Fixture.Util;

public static class NumberText
{
    public static string Invariant(this double x) => x.ToString(CultureInfo.InvariantCulture);
}
