"""The office's groups and the default review, by name: one place for every lookup and migration.

Wagtail's initial data makes "Editors" and "Moderators" and the workflow "Moderators approval"; the
migration `roland_sites.0014_office_groups` renames them to these German names and gives the groups
what an editor's job needs. Code that finds a group by name uses these constants, never a literal.
"""

EDITOR_GROUP = "Redaktion"  # writes pages, categories, organisers, image texts; submits for review
MODERATOR_GROUP = "Freigabe"  # the same, and approves (publishes) what the Redaktion submits
WAGTAIL_GROUP_NAMES = {"Editors": EDITOR_GROUP, "Moderators": MODERATOR_GROUP}

REVIEW_WORKFLOW = "Freigabe"  # Wagtail's default workflow on the whole tree
REVIEW_TASK = "Freigabe"
WAGTAIL_REVIEW_NAME = "Moderators approval"  # the workflow's and the task's name in Wagtail's data

# Model permissions (app label, codename) of both office groups besides Wagtail's own (admin access,
# images, documents, page permissions on the root). Not users, groups, settings, sites, locales,
# collections, workflows, API clients, webhooks or import sources: those stay with administrators.
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("media", "add_imagetext"),
    ("media", "change_imagetext"),
    ("media", "delete_imagetext"),
    ("media", "view_imagetext"),
    ("tourism", "add_category"),
    ("tourism", "change_category"),
    ("tourism", "delete_category"),
    ("tourism", "view_category"),
    ("tourism", "add_organizer"),
    ("tourism", "change_organizer"),
    ("tourism", "delete_organizer"),
    ("tourism", "view_organizer"),
    ("roland_search", "add_synonymgroup"),
    ("roland_search", "change_synonymgroup"),
    ("roland_search", "delete_synonymgroup"),
    ("roland_search", "view_synonymgroup"),
    ("roland_translation", "add_glossaryterm"),
    ("roland_translation", "change_glossaryterm"),
    ("roland_translation", "delete_glossaryterm"),
    ("roland_translation", "view_glossaryterm"),
]

# Images and documents are permitted per collection (Wagtail's collection permission policy, which
# checks the permissions of Wagtail's own Image model even with media.RolandImage); both office
# groups get these on the root collection, so on the whole library.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
]

# The Kiosk-Team (sites.models.KIOSK_GROUP) is the kiosk group: notices, and the screens' settings
# (schedules, content); adding and removing screens stays with administrators.
KIOSK_PERMISSIONS = [
    ("roland_sites", "view_kioskscreen"),
    ("roland_sites", "change_kioskscreen"),
]
