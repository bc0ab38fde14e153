"""CMS plugins for the programme's content. Templates live in programme/templates/programme/plugins/."""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from programme import models, presentation

MODULE = _("IQ programme")


class ProgrammePluginBase(CMSPluginBase):
    module = MODULE


class SectionPluginBase(ProgrammePluginBase):
    """
    A block of entries (child plugins) under an optional heading, rendered by programme/plugins/section.html (or a
    template that extends it): the heading is an h2, the entries' headings one level below it (h3, or h2 without
    a heading).
    """

    allow_children = True
    render_template = "programme/plugins/section.html"
    section = presentation.Section("")

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["section"] = self.section
        context["heading_id"] = f"{self.section.id_prefix}-{instance.pk}-title"
        context["child_heading_level"] = 3 if instance.title else 2
        return context


class ChildPluginBase(ProgrammePluginBase):
    require_parent = True


@plugin_pool.register_plugin
class FiguresPlugin(SectionPluginBase):
    model = models.Figures
    name = _("Figures (Kennzahlen)")
    render_template = "programme/plugins/figures.html"
    child_classes = ["FigurePlugin"]
    section = presentation.Section("figures-block", id_prefix="figures", list_class="figures")


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
class ProcessChainPlugin(SectionPluginBase):
    model = models.ProcessChain
    name = _("Process chain (Prozesskette)")
    child_classes = ["ProcessStepPlugin"]
    section = presentation.Section("process-chain", list_tag="ol", list_class="steps")


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
class EmployerGuidePlugin(SectionPluginBase):
    model = models.EmployerGuide
    name = _("Employer guide")
    render_template = "programme/plugins/employer_guide.html"
    child_classes = ["EmployerStepPlugin"]
    section = presentation.Section("employer-guide", list_tag="ol", list_class="steps employer-steps")

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["checklist_url"] = presentation.checklist_url()
        return context


@plugin_pool.register_plugin
class EmployerStepPlugin(ChildPluginBase):
    model = models.EmployerStep
    name = _("Employer guide step")
    render_template = "programme/plugins/employer_step.html"
    parent_classes = ["EmployerGuidePlugin"]


@plugin_pool.register_plugin
class FaqPlugin(SectionPluginBase):
    model = models.Faq
    name = _("FAQ")
    render_template = "programme/plugins/faq.html"
    child_classes = ["FaqItemPlugin"]
    section = presentation.Section("faq", list_tag="div", list_class="faq-list")

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
class PartnerLinksPlugin(SectionPluginBase):
    model = models.PartnerLinks
    name = _("Partner portals")
    child_classes = ["PartnerLinkPlugin"]
    section = presentation.Section("partner-links", id_prefix="partners", list_class="card-list")


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
