"""CMS plugins for the programme's content. Templates live in programme/templates/programme/plugins/."""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from programme import models, presentation

MODULE = _("IQ programme")


class ProgrammePluginBase(CMSPluginBase):
    module = MODULE


class ChildPluginBase(ProgrammePluginBase):
    require_parent = True


@plugin_pool.register_plugin
class FiguresPlugin(ProgrammePluginBase):
    model = models.Figures
    name = _("Figures (Kennzahlen)")
    render_template = "programme/plugins/figures.html"
    allow_children = True
    child_classes = ["FigurePlugin"]


@plugin_pool.register_plugin
class FigurePlugin(ChildPluginBase):
    model = models.Figure
    name = _("Figure")
    render_template = "programme/plugins/figure.html"
    parent_classes = ["FiguresPlugin"]
    fieldsets = (
        (None, {"fields": ("value", "label", "approximate")}),
        (_("Chart (optional)"), {"fields": ("part_value", "part_label", "rest_label", "chart")}),
    )

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["figure"] = presentation.figure_display(instance)
        return context


@plugin_pool.register_plugin
class ProcessChainPlugin(ProgrammePluginBase):
    model = models.ProcessChain
    name = _("Process chain (Prozesskette)")
    render_template = "programme/plugins/process_chain.html"
    allow_children = True
    child_classes = ["ProcessStepPlugin"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["child_heading_level"] = 3 if instance.title else 2
        return context


@plugin_pool.register_plugin
class ProcessStepPlugin(ChildPluginBase):
    model = models.ProcessStep
    name = _("Process chain phase")
    render_template = "programme/plugins/process_step.html"
    parent_classes = ["ProcessChainPlugin"]


@plugin_pool.register_plugin
class HandlungsschwerpunktPlugin(ProgrammePluginBase):
    model = models.Handlungsschwerpunkt
    name = _("Field of action (Handlungsschwerpunkt)")
    render_template = "programme/plugins/handlungsschwerpunkt.html"


@plugin_pool.register_plugin
class EmployerGuidePlugin(ProgrammePluginBase):
    model = models.EmployerGuide
    name = _("Employer guide")
    render_template = "programme/plugins/employer_guide.html"
    allow_children = True
    child_classes = ["EmployerStepPlugin"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["child_heading_level"] = 3 if instance.title else 2
        context["checklist_url"] = presentation.checklist_url()
        return context


@plugin_pool.register_plugin
class EmployerStepPlugin(ChildPluginBase):
    model = models.EmployerStep
    name = _("Employer guide step")
    render_template = "programme/plugins/employer_step.html"
    parent_classes = ["EmployerGuidePlugin"]


@plugin_pool.register_plugin
class FaqPlugin(ProgrammePluginBase):
    model = models.Faq
    name = _("FAQ")
    render_template = "programme/plugins/faq.html"
    allow_children = True
    child_classes = ["FaqItemPlugin"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["faq_json_ld"] = presentation.faq_json_ld(presentation.faq_items(instance))
        return context


@plugin_pool.register_plugin
class FaqItemPlugin(ChildPluginBase):
    model = models.FaqItem
    name = _("FAQ entry")
    render_template = "programme/plugins/faq_item.html"
    parent_classes = ["FaqPlugin"]


@plugin_pool.register_plugin
class PartnerLinksPlugin(ProgrammePluginBase):
    model = models.PartnerLinks
    name = _("Partner portals")
    render_template = "programme/plugins/partner_links.html"
    allow_children = True
    child_classes = ["PartnerLinkPlugin"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["child_heading_level"] = 3 if instance.title else 2
        return context


@plugin_pool.register_plugin
class PartnerLinkPlugin(ChildPluginBase):
    model = models.PartnerLink
    name = _("Partner portal")
    render_template = "programme/plugins/partner_link.html"
    parent_classes = ["PartnerLinksPlugin"]


@plugin_pool.register_plugin
class LotseSearchFormPlugin(ProgrammePluginBase):
    model = models.LotseSearchForm
    name = _("Lotse search form")
    render_template = "programme/plugins/lotse_search_form.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["form"] = presentation.lotse_form_display(instance)
        return context
