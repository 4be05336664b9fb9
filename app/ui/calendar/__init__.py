"""The Calendar workspace: month, week and agenda views, the activity editor, reminders."""
