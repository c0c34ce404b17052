using Fixture.Shapes;
using Fixture.Util;

namespace Fixture.Drawing.Svg;

public static class SvgWriter
{
    public static string Write(Circle c) => $"<circle r=\"{c.Radius.Invariant()}\"/>";
}
