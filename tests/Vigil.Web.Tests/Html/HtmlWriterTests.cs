using Vigil.Web.Html;

namespace Vigil.Web.Tests.Html;

public sealed class HtmlWriterTests
{
    [Fact]
    public void Text_and_attribute_values_are_encoded()
    {
        var html = new HtmlWriter().Open("a", ("href", "/x?a=1&b=\"2\""), ("title", null), ("hidden", string.Empty)).Text("<b>'&'</b>").Close("a").ToString();

        Assert.Equal("<a href=\"/x?a=1&amp;b=&quot;2&quot;\" hidden>&lt;b&gt;&#39;&amp;&#39;&lt;/b&gt;</a>", html);
    }

    [Theory]
    [InlineData("https://nvd.nist.gov/vuln/detail/CVE-2024-1", true)]
    [InlineData("http://example.com", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JAVASCRIPT:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("/relative", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_absolute_http_urls_are_linkable(string? url, bool expected) => Assert.Equal(expected, SafeUrl.IsLinkable(url));
}
