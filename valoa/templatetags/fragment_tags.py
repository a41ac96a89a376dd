"""`{% kept "name" part … %}…{% endkept %}`: markup that only a publish changes, rendered once per publish.

For the parts of a page that are the same for every reader (its published body, the card of a tool): the
enclosed template is rendered once and kept in the site's fragments (valoa.pages.fragments, decision 011) under
`name` and the parts, until whatever forgets the site chrome (a publish, an unpublish, a snippet, an image or
a document) makes it unreachable. A preview renders it every time. Never around a form, a CSRF token or anything
of the reader's own: every reader of that language and host is shown the kept markup. Django's `{% cache %}`
tag would keep it for a fixed time whatever is published; this one is forgotten with the publish.
"""

from __future__ import annotations

from django import template

from valoa.pages.fragments import cached_fragment

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        return cached_fragment(
            context.get("request"), f"kept:{name}", parts, lambda: self.nodelist.render(context)
        )


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' needs a name, then the parts that tell its copies apart."
        )
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
