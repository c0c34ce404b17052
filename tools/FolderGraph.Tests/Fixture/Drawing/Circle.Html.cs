namespace Fixture.Shapes;

// A part of Circle in another folder: the type's name still counts in Shapes, this member in Drawing.
public sealed partial class Circle
{
    public string Html() => "<div>" + Svg() + "</div>";
}
