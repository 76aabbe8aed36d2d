# Record a workflow started outside Terraform, by its message id. TNZ cannot
# be asked about workflows, so the id is recorded as given.
terraform import tnz_workflow.example workflow/d3f1b2a4c5e6
