"""The numbers everyone should carry, whatever the module, at home and abroad: every handout
prints them, the checks hold them to the strictest trust rule, the fact desk lists them first."""

HELP_FACTS = ("hotline.kp2mi.call_center", "hotline.kp2mi.whatsapp",
              "hotline.kp2mi.from_abroad", "hotline.kemlu.pwni")
