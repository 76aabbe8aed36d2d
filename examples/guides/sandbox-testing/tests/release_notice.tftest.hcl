# Run with `terraform test` while `terraform-provider-tnz sandbox` is running
# and TNZ_API_URL / TNZ_AUTH_TOKEN point at it. Nothing reaches TNZ.

variables {
  release = "v1.4.2"
  on_call = ["+6421000001", "021 555 0100"]
}

run "wording" {
  command = plan

  assert {
    condition     = tnz_sms.release_notice.message == "Release v1.4.2 is live."
    error_message = "The release notice does not name the release."
  }
}

run "delivered" {
  assert {
    condition     = tnz_sms.release_notice.status.job_status == "Completed"
    error_message = "The sandbox did not complete the job."
  }

  assert {
    condition     = output.failed_recipients == []
    error_message = "Some of the on-call team did not get the notice."
  }
}

run "unreachable_number_reported" {
  # The sandbox fails every phone number that ends in 99.
  variables {
    on_call = ["+6421000001", "+6421000099"]
  }

  assert {
    condition     = output.failed_recipients == ["+6421000099"]
    error_message = "The failed recipient is not reported."
  }
}
