package io.zeren.workflow;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;

/**
 * Approval operations (docs/approval-operations.md) on two doors with the same rules: {@code /api/...} for API
 * clients (HTTP Basic) and {@code /my/task-operations/...} for the Tasklist tab (the session of the one login,
 * with Spring Security's CSRF token, which the GET answer carries).
 */
@RestController
@Tag(name = "Approval operations", description = "退回, 转办, 委派, 加签, 抄送, 撤回, 催办 on a task, and the typed history")
class TaskOperationsController {

	record PersonRequest(String person, String comment) {
	}

	record ReturnRequest(String step, String comment) {
	}

	record CcRequest(List<String> people, String comment) {
	}

	record CommentRequest(String comment) {
	}

	record Csrf(String headerName, String token) {
	}

	record AvailableAnswer(TaskOperations.Available task, Csrf csrf) {
	}

	record UrgeResult(boolean sent) {
	}

	record SignTask(String id) {
	}

	private static final String API = "/api/tasks/{taskId}/operations";

	private static final String SESSION = "/my/task-operations/{taskId}";

	private final TaskOperations operations;

	TaskOperationsController(TaskOperations operations) {
		this.operations = operations;
	}

	@GetMapping({ API, SESSION })
	@Operation(summary = "What the caller may do on the task now: operations, steps to return to, people by name")
	AvailableAnswer available(@PathVariable String taskId, Authentication caller, HttpServletRequest request) {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return new AvailableAnswer(operations.available(taskId, caller.getName()),
				token == null ? null : new Csrf(token.getHeaderName(), token.getToken()));
	}

	@PostMapping({ API + "/return", SESSION + "/return" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "退回: back to a step this instance has passed")
	void returnTo(@PathVariable String taskId, @RequestBody ReturnRequest body, Authentication caller) {
		operations.returnTo(taskId, body.step(), body.comment(), caller.getName());
	}

	@PostMapping({ API + "/transfer", SESSION + "/transfer" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "转办: another person becomes the assignee")
	void transfer(@PathVariable String taskId, @RequestBody PersonRequest body, Authentication caller) {
		operations.transfer(taskId, body.person(), body.comment(), caller.getName());
	}

	@PostMapping({ API + "/delegate", SESSION + "/delegate" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "委派: the delegate works on the task and hands it back")
	void delegate(@PathVariable String taskId, @RequestBody PersonRequest body, Authentication caller) {
		operations.delegate(taskId, body.person(), body.comment(), caller.getName());
	}

	@PostMapping({ API + "/resolve", SESSION + "/resolve" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "办回: the delegate gives the task back to its owner")
	void resolve(@PathVariable String taskId, @RequestBody(required = false) CommentRequest body, Authentication caller) {
		operations.resolve(taskId, body == null ? null : body.comment(), caller.getName());
	}

	@PostMapping({ API + "/add-signer", SESSION + "/add-signer" })
	@Operation(summary = "加签: an extra approver who must sign before the task completes")
	SignTask addSigner(@PathVariable String taskId, @RequestBody PersonRequest body, Authentication caller) {
		return new SignTask(operations.addSigner(taskId, body.person(), body.comment(), caller.getName()));
	}

	@PostMapping({ API + "/sign", SESSION + "/sign" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "加签意见: the extra approver signs their sub-task with an opinion")
	void sign(@PathVariable String taskId, @RequestBody CommentRequest body, Authentication caller) {
		operations.sign(taskId, body.comment(), caller.getName());
	}

	@PostMapping({ API + "/cc", SESSION + "/cc" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "抄送: a read-only notice to people")
	void cc(@PathVariable String taskId, @RequestBody CcRequest body, Authentication caller) {
		operations.cc(taskId, body.people(), body.comment(), caller.getName());
	}

	@PostMapping({ API + "/withdraw", SESSION + "/withdraw" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "撤回: take back a step the caller completed (taskId: the completed task) while the next is untouched")
	void withdraw(@PathVariable String taskId, @RequestBody(required = false) CommentRequest body, Authentication caller) {
		operations.withdraw(taskId, body == null ? null : body.comment(), caller.getName());
	}

	@PostMapping({ API + "/urge", SESSION + "/urge" })
	@Operation(summary = "催办 by the process's initiator, before the deadline too; sent=false when urged too recently")
	UrgeResult urge(@PathVariable String taskId, @RequestBody(required = false) CommentRequest body, Authentication caller) {
		return new UrgeResult(operations.urge(taskId, body == null ? null : body.comment(), caller.getName()));
	}

	@GetMapping({ "/api/my/cc", "/my/cc.json" })
	@Operation(summary = "抄送我的: notices copied to the caller, newest first")
	List<TaskOperations.CcEntry> cc(Authentication caller) {
		return operations.ccTo(caller.getName());
	}

	@GetMapping({ "/api/process-instances/{processInstanceId}/operations",
			"/my/process-operations/{processInstanceId}" })
	@Operation(summary = "The typed history of approval operations in a process instance (participants only)")
	List<TaskOperationEntry> history(@PathVariable String processInstanceId, Authentication caller) {
		if (!CallerGroups.inAny(caller, GroupIds.SYSTEM_ADMINS)
				&& !operations.mayReadHistory(processInstanceId, caller.getName())) {
			throw new ForbiddenException(new Msg("ops.history.participants-only"));
		}
		return operations.history(processInstanceId);
	}

}
